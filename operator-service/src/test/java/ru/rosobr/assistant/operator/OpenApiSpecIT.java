package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's TypeScript types are generated (openapi-typescript, in the console's build) from the committed
 * OpenAPI description {@code console/web/src/api/operator.openapi.json}; this keeps that file equal to what the
 * service describes. When a controller or a record of the console API changes, the test fails with the difference;
 * {@code -Dopenapi.write=true} rewrites the file (then {@code npm run build} in console/web checks the console
 * against the new types).
 */
class OpenApiSpecIT extends OperatorTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static final Path SPEC = Path.of("..", "console", "web", "src", "api", "operator.openapi.json");

    @Test
    void committedDescriptionIsTheServices() throws IOException {
        String served = web.get().uri("/v3/api-docs").headers(h -> h.setBearerAuth(login("admin"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(served).as("the description of the console API").contains("\"/api/console/appeals\"");
        // the server's address differs from run to run: the file names none
        ObjectNode description = (ObjectNode) JSON.readTree(served);
        description.remove("servers");
        String expected = JSON.writeValueAsString(description) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(SPEC.getParent());
            Files.writeString(SPEC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(SPEC)).as("%s exists (-Dopenapi.write=true writes it)", SPEC).isTrue();
        assertThat(Files.readString(SPEC, StandardCharsets.UTF_8))
                .as("%s is the service's OpenAPI description: rewrite it with -Dopenapi.write=true and rebuild the "
                        + "console (npm run build) to check it against the new types", SPEC)
                .isEqualTo(expected);
    }

    @Test
    void descriptionIsForAdministratorsOnly() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
        web.get().uri("/v3/api-docs").headers(h -> h.setBearerAuth(login("operator33"))).exchange()
                .expectStatus().isForbidden();
    }
}
