package ru.rosobr.assistant.operator;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.OpenApiSpec;

/**
 * Keeps {@code console/web/src/api/operator.openapi.json}, from which the console's types of this API are generated,
 * equal to the service's OpenAPI description ({@link OpenApiSpec}; {@code -Dopenapi.write=true} rewrites it).
 */
class OpenApiSpecIT extends OperatorTestBase {

    @Test
    void committedDescriptionIsTheServices() {
        OpenApiSpec.assertCommitted(web, login("admin"), "operator", "/api/console/appeals");
    }

    @Test
    void descriptionIsForAdministratorsOnly() {
        OpenApiSpec.assertForAdministratorsOnly(web, login("operator33"));
    }
}
