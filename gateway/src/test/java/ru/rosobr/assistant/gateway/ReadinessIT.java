package ru.rosobr.assistant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.testkit.TestJwt;

/** The gateway is ready only when the services behind it answer; alive as long as it runs itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class ReadinessIT {

    static final LoopbackBackend services = new LoopbackBackend("services", Duration.ZERO);
    static final LoopbackBackend intake = new LoopbackBackend("intake", Duration.ZERO);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        for (String service : List.of("ANSWER", "ROUTING", "OPERATOR", "ANALYTICS", "FOLLOWUP")) {
            registry.add(service + "_URL", services::url);
        }
        // two intake instances: one still starting, one not even listening yet
        String notListening = LoopbackBackend.refusingUrl();
        registry.add("INTAKE_URL", () -> intake.url() + "," + notListening);
        registry.add("ASSISTANT_JWKS_URI", TestJwt::jwksUri);
        registry.add("assistant.revocations.enabled", () -> "false"); // RevocationIT covers them, with a broker
    }

    @AfterAll
    static void stop() {
        services.close();
        intake.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void readyOnlyWhenEveryServiceAnswersAndAliveThroughout() {
        intake.health = 503;
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                web.get().uri("/actuator/health/readiness").exchange()
                        .expectStatus().isEqualTo(503)
                        .expectBody()
                        .jsonPath("$.status").isEqualTo("DOWN")
                        .jsonPath("$.components.backends.components['intake-service'].status").isEqualTo("DOWN")
                        .jsonPath("$.components.backends.components['answer-service'].status").isEqualTo("UP")
                        // instance addresses are for admins only
                        .jsonPath("$.components.backends.components['intake-service'].details").doesNotExist());
        web.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503);
        web.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        String admin = TestJwt.token("admin", List.of("ADMIN"), null);
        web.get().uri("/actuator/health/readiness").header("Authorization", "Bearer " + admin).exchange()
                .expectBody()
                .jsonPath("$.components.backends.components['intake-service'].details.instances['" + intake.url()
                        + "']").isEqualTo("DOWN (HTTP 503)");

        intake.health = 200; // one instance of each service is enough
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                web.get().uri("/actuator/health/readiness").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("UP"));
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
