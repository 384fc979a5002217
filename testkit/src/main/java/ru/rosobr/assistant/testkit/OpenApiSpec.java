package ru.rosobr.assistant.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's TypeScript types of a service's API are generated (openapi-typescript, in the console's build) from
 * the committed OpenAPI description {@code console/web/src/api/<service>.openapi.json}; a service's
 * {@code OpenApiSpecIT} keeps that file equal to what the service describes ({@code /v3/api-docs}, switched on in the
 * test's context with {@code springdoc.api-docs.enabled=true}). When a controller or a record of the API changes,
 * the check fails with the difference; {@code -Dopenapi.write=true} rewrites the file (then {@code npm run build} in
 * console/web checks the console against the new types).
 */
public final class OpenApiSpec {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OpenApiSpec() {
    }

    /** The console's copy of the description {@code name} (a test runs in its module's directory). */
    public static Path committed(String name) {
        return Path.of("..", "console", "web", "src", "api", name + ".openapi.json");
    }

    /**
     * Fails unless the console's copy {@code name} is the description the service serves to {@code adminToken}
     * (which names {@code knownPath}, so that an empty description does not pass); rewrites the copy first with
     * {@code -Dopenapi.write=true}.
     */
    public static void assertCommitted(WebTestClient web, String adminToken, String name, String knownPath) {
        String served = web.get().uri("/v3/api-docs").headers(h -> h.setBearerAuth(adminToken)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(served).as("the description of the API").contains("\"" + knownPath + "\"");
        // the server's address differs from run to run: the file names none
        ObjectNode description = (ObjectNode) JSON.readTree(served);
        description.remove("servers");
        String expected = JSON.writeValueAsString(description) + "\n";
        Path spec = committed(name);
        try {
            if (Boolean.getBoolean("openapi.write")) {
                Files.createDirectories(spec.getParent());
                Files.writeString(spec, expected, StandardCharsets.UTF_8);
            }
            assertThat(Files.exists(spec)).as("%s exists (-Dopenapi.write=true writes it)", spec).isTrue();
            assertThat(Files.readString(spec, StandardCharsets.UTF_8))
                    .as("%s is the service's OpenAPI description: rewrite it with -Dopenapi.write=true and rebuild "
                            + "the console (npm run build) to check it against the new types", spec)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless the description is refused without a token (401) and to {@code nonAdminToken} (403). */
    public static void assertForAdministratorsOnly(WebTestClient web, String nonAdminToken) {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
        web.get().uri("/v3/api-docs").headers(h -> h.setBearerAuth(nonAdminToken)).exchange()
                .expectStatus().isForbidden();
    }
}
