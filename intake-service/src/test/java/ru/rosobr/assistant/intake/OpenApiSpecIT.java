package ru.rosobr.assistant.intake;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.OpenApiSpec;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Keeps {@code console/web/src/api/intake.openapi.json}, from which the console's types of the teacher registry are
 * generated, equal to the service's OpenAPI description ({@link OpenApiSpec}; {@code -Dopenapi.write=true} rewrites
 * it).
 */
class OpenApiSpecIT extends IntakeTestBase {

    @Test
    void committedDescriptionIsTheServices() {
        OpenApiSpec.assertCommitted(web, TestJwt.token("admin", List.of("ADMIN"), null), "intake",
                "/api/admin/teachers/upload");
    }

    @Test
    void descriptionIsForAdministratorsOnly() {
        OpenApiSpec.assertForAdministratorsOnly(web, TestJwt.token("federal", List.of("FEDERAL"), null));
    }
}
