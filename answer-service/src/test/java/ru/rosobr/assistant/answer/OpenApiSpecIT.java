package ru.rosobr.assistant.answer;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.testkit.OpenApiSpec;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Keeps {@code console/web/src/api/answer.openapi.json}, from which the console's types of the knowledge-base API
 * are generated, equal to the service's OpenAPI description ({@link OpenApiSpec}; {@code -Dopenapi.write=true} rewrites
 * it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "springdoc.api-docs.enabled=true")
@AutoConfigureWebTestClient
class OpenApiSpecIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "answer_openapi");
    }

    @Autowired
    WebTestClient web;

    @Test
    void committedDescriptionIsTheServices() {
        OpenApiSpec.assertCommitted(web, TestJwt.token("admin", List.of("ADMIN"), null), "answer", "/api/kb/entries");
    }

    @Test
    void descriptionIsForAdministratorsOnly() {
        OpenApiSpec.assertForAdministratorsOnly(web, TestJwt.token("federal", List.of("FEDERAL"), null));
    }
}
