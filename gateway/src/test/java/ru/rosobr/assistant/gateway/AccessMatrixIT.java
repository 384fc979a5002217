package ru.rosobr.assistant.gateway;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.testkit.AccessMatrix;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * The gateway's own routes (not the ones it forwards: each service's matrix covers those) against the access table
 * below, also the README's «Матрица доступа»: the console page, the fallback answer and the probes, all open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AccessMatrixIT {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closed;
        for (String service : List.of("INTAKE", "ANSWER", "ROUTING", "OPERATOR", "ANALYTICS", "FOLLOWUP")) {
            registry.add(service + "_URL", () -> down);
        }
        registry.add("ASSISTANT_JWKS_URI", TestJwt::jwksUri);
        registry.add("assistant.revocations.enabled", () -> "false");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    static AccessMatrix matrix() {
        return new AccessMatrix("gateway", "33", "58")
                .actuator(true, "пробы и метрики самого шлюза, открыты на его внешнем порту")
                .route("GET /").open().note("перенаправляет на /console/")
                .route("GET /console").open()
                .route("GET /console/").open()
                .route("ANY /fallback/{service}").open().var("service", () -> "operator-service")
                        .note("ответ 503, когда сервис недоступен")
                .and();
    }

    @Test
    void everyRouteAdmitsExactlyWhomTheMatrixSays() {
        AccessMatrix matrix = matrix();
        matrix.write();
        List<String> failures = matrix.verify(context, web);
        if (!failures.isEmpty()) {
            fail(failures.size() + " нарушений матрицы доступа:\n" + String.join("\n", failures));
        }
    }

    @Test
    void readmeShowsTheMatrix() {
        AccessMatrix matrix = matrix();
        matrix.write();
        if (!matrix.markdown().equals(AccessMatrix.readmeTable(Path.of("README.md")))) {
            fail("В README.md раздел «Матрица доступа» должен содержать ровно эту таблицу:\n" + matrix.markdown());
        }
    }
}
