package ru.rosobr.assistant.analytics;

import ru.rosobr.assistant.testkit.OpenApiSpec;
import ru.rosobr.assistant.testkit.OpenApiSpecTestBase;

/**
 * Keeps {@code console/web/src/api/analytics.openapi.json}, from which the console's types of the statistics API are
 * generated, equal to the service's OpenAPI description ({@link OpenApiSpec}; {@code -Dopenapi.write=true} rewrites
 * it).
 */
class OpenApiSpecIT extends OpenApiSpecTestBase {

    OpenApiSpecIT() {
        super("analytics", "/api/analytics/regions");
    }
}
