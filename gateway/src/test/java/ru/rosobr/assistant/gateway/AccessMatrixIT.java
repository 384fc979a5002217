package ru.rosobr.assistant.gateway;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.testkit.AccessMatrix;

/**
 * The gateway's own routes (not the ones it forwards: each service's matrix covers those) against the access table
 * below, also the README's «Матрица доступа»: the console page, the fallback answer and the probes, all open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AccessMatrixIT {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws IOException {
        GatewayIT.props(registry); // every backend down: the gateway alone
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    static AccessMatrix matrix() {
        return new AccessMatrix("gateway", "33", "58")
                .actuator(true, "пробы открыты всем; остальное (метрики) — только напрямую с адреса внутри установки, не через прокси")
                .route("GET /").open().note("перенаправляет на /console/")
                .route("GET /console").open()
                .route("GET /console/").open()
                .route("ANY /fallback/{service}").open().var("service", () -> "operator-service")
                        .note("ответ 503, когда сервис недоступен")
                .and();
    }

    @Test
    void everyRouteAdmitsExactlyWhomTheMatrixSays() {
        matrix().assertKeptBy(context, web);
    }

    @Test
    void readmeShowsTheMatrix() {
        matrix().assertShownIn(Path.of("README.md"));
    }
}
