package ru.rosobr.assistant.analytics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.rosobr.assistant.testkit.OpenApiSpec;
import ru.rosobr.assistant.testkit.OpenApiSpecTestBase;
import ru.rosobr.assistant.testkit.ServiceTestSupport;

/**
 * Keeps {@code console/web/src/api/analytics.openapi.json}, from which the console's types of the statistics API are
 * generated, equal to the service's OpenAPI description ({@link OpenApiSpec}; {@code -Dopenapi.write=true} rewrites
 * it).
 */
class OpenApiSpecIT extends OpenApiSpecTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "analytics_openapi");
    }

    OpenApiSpecIT() {
        super("analytics", "/api/analytics/regions");
    }
}
