package ru.rosobr.assistant.followup;

import ru.rosobr.assistant.testkit.OpenApiSpec;
import ru.rosobr.assistant.testkit.OpenApiSpecTestBase;

/**
 * Keeps {@code console/web/src/api/followup.openapi.json}, from which the console's types of the campaigns API are
 * generated, equal to the service's OpenAPI description ({@link OpenApiSpec}; {@code -Dopenapi.write=true} rewrites
 * it).
 */
class OpenApiSpecIT extends OpenApiSpecTestBase {

    OpenApiSpecIT() {
        super("followup", "/api/campaigns/{id}");
    }
}
