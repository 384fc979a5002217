package ru.rosobr.assistant.gateway;

import java.io.IOException;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.rosobr.assistant.testkit.AccessMatrix;
import ru.rosobr.assistant.testkit.AccessMatrixTestBase;

/**
 * The gateway's own routes (not the ones it forwards: each service's matrix covers those) against the access table
 * below, also the README's «Матрица доступа»: the console page, the fallback answer and the probes, all open.
 */
class AccessMatrixIT extends AccessMatrixTestBase {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws IOException {
        GatewayIT.props(registry); // every backend down: the gateway alone
    }

    @Override
    protected AccessMatrix matrix() {
        return new AccessMatrix("gateway", "33", "58")
                .actuator(true, "пробы открыты всем; остальное (метрики) — только напрямую с адреса внутри установки, не через прокси")
                .route("GET /").open().note("перенаправляет на /console/")
                .route("GET /console").open()
                .route("GET /console/").open()
                .route("ANY /fallback/{service}").open().var("service", () -> "operator-service")
                        .note("ответ 503, когда сервис недоступен")
                .and();
    }
}
