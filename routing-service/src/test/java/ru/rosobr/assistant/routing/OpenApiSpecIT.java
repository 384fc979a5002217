package ru.rosobr.assistant.routing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.rosobr.assistant.testkit.OpenApiSpec;
import ru.rosobr.assistant.testkit.OpenApiSpecTestBase;
import ru.rosobr.assistant.testkit.ServiceTestSupport;

/**
 * Keeps {@code console/web/src/api/routing.openapi.json}, from which the console's types of shifts and the roster are
 * generated, equal to the service's OpenAPI description ({@link OpenApiSpec}; {@code -Dopenapi.write=true} rewrites
 * it).
 */
class OpenApiSpecIT extends OpenApiSpecTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "routing_openapi");
    }

    OpenApiSpecIT() {
        super("routing", "/api/routing/operators");
    }
}
