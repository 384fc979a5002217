package ru.rosobr.assistant.routing;

import ru.rosobr.assistant.testkit.OpenApiSpec;
import ru.rosobr.assistant.testkit.OpenApiSpecTestBase;

/**
 * Keeps {@code console/web/src/api/routing.openapi.json}, from which the console's types of shifts and the roster are
 * generated, equal to the service's OpenAPI description ({@link OpenApiSpec}; {@code -Dopenapi.write=true} rewrites
 * it).
 */
class OpenApiSpecIT extends OpenApiSpecTestBase {

    OpenApiSpecIT() {
        super("routing", "/api/routing/operators");
    }
}
