package ru.rosobr.assistant.testkit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's {@code OpenApiSpecIT} on a context of its own, with the OpenAPI description switched on: it keeps the
 * console's copy {@code console/web/src/api/<name>.openapi.json} equal to the description ({@link OpenApiSpec};
 * {@code -Dopenapi.write=true} rewrites it) and the description for administrators only. The subclass names the copy
 * and a path the description must hold; the context gets a fresh database and the shared broker
 * ({@link ServiceTestSupport}), which a service with more to configure adds to in its own
 * {@code @DynamicPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "springdoc.api-docs.enabled=true")
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class OpenApiSpecTestBase {

    private final String name;
    private final String knownPath;

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "openapi");
    }

    protected OpenApiSpecTestBase(String name, String knownPath) {
        this.name = name;
        this.knownPath = knownPath;
    }

    @Test
    void committedDescriptionIsTheServices() {
        OpenApiSpec.assertCommitted(web, TestJwt.token("admin", List.of("ADMIN"), null), name, knownPath);
    }

    @Test
    void descriptionIsForAdministratorsOnly() {
        OpenApiSpec.assertForAdministratorsOnly(web, TestJwt.token("federal", List.of("FEDERAL"), null));
    }
}
