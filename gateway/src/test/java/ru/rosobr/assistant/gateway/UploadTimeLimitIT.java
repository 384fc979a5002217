package ru.rosobr.assistant.gateway;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.testkit.TestJwt;

/**
 * A teacher registry upload has its own, longer time limit: a call that the limit of every other call cuts off
 * gets through when it is an upload (the limits scaled down: 1 s for all, 10 s for uploads, the backend takes 2 s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class UploadTimeLimitIT {

    static final LoopbackBackend services = new LoopbackBackend("services", Duration.ZERO);
    static final LoopbackBackend intake = new LoopbackBackend("intake", Duration.ofSeconds(2));

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        for (String service : List.of("ANSWER", "ROUTING", "OPERATOR", "ANALYTICS", "FOLLOWUP")) {
            registry.add(service + "_URL", services::url);
        }
        registry.add("INTAKE_URL", intake::url);
        registry.add("ASSISTANT_JWKS_URI", TestJwt::jwksUri);
        registry.add("assistant.revocations.enabled", () -> "false");
        registry.add("resilience4j.timelimiter.configs.default.timeout-duration", () -> "1s");
        registry.add("GATEWAY_UPLOAD_TIMEOUT", () -> "10s");
    }

    @AfterAll
    static void stop() {
        services.close();
        intake.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void anUploadMayTakeLongerThanAnyOtherCall() {
        String admin = "Bearer " + TestJwt.token("admin", List.of("ADMIN"), null);
        WebTestClient client = web.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        client.post().uri("/api/admin/teachers/upload").header("Authorization", admin)
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("channel,platformUserId,fio,region,orgType\n")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("intake");
        client.get().uri("/api/admin/teachers").header("Authorization", admin).exchange()
                .expectStatus().isEqualTo(503);
    }
}
