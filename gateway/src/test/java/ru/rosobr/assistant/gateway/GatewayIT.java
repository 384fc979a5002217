package ru.rosobr.assistant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.testkit.TestJwt;
import ru.rosobr.assistant.gateway.security.InternalOnly;

/** The gateway on its own: every backend is down (a closed port), so routing shows as the 503 fallback. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class GatewayIT {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closed;
        for (String service : List.of("INTAKE", "ANSWER", "ROUTING", "OPERATOR", "ANALYTICS", "FOLLOWUP")) {
            registry.add(service + "_URL", () -> down);
        }
        registry.add("ASSISTANT_JWKS_URI", TestJwt::jwksUri);
        registry.add("assistant.revocations.enabled", () -> "false"); // RevocationIT covers them, with a broker
    }

    @Autowired
    WebTestClient web;

    @Test
    void consoleApiWithoutTokenIs401WithAReason() {
        web.get().uri("/api/console/appeals").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .contains("токен"));
    }

    @Test
    void forgedTokenIs401() {
        String forged = TestJwt.token("operator58", List.of("OPERATOR"), "58");
        forged = forged.substring(0, forged.length() - 3) + "abc";
        web.get().uri("/api/analytics/summary").header("Authorization", "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void validTokenPassesTheGatewayAndADownServiceGivesA503Body() {
        web.get().uri("/api/console/appeals")
                .header("Authorization", "Bearer " + TestJwt.token("operator58", List.of("OPERATOR"), "58"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.service").isEqualTo("operator-service")
                .jsonPath("$.error").isEqualTo("service_unavailable");
    }

    @Test
    void theGatewaysMetricsAreForTheInstallationOnlyWhileItsProbesStayOpen() {
        // straight from loopback (the scraper beside it): admitted
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        // the same request through a proxy, i.e. from outside: refused, the probe still answers
        web.get().uri("/actuator/prometheus").header("X-Forwarded-For", "203.0.113.7").exchange()
                .expectStatus().isForbidden();
        web.get().uri("/actuator").header("Forwarded", "for=203.0.113.7").exchange().expectStatus().isForbidden();
        web.get().uri("/actuator/health/liveness").header("X-Forwarded-For", "203.0.113.7").exchange()
                .expectStatus().isOk();
    }

    @Test
    void addressesInsideTheInstallationAreTheOnlyOnesAdmitted() throws Exception {
        for (String a : List.of("127.0.0.1", "::1", "10.1.2.3", "172.18.0.5", "192.168.1.9", "fd12:3456::1",
                "fe80::1")) {
            assertThat(InternalOnly.internal(java.net.InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : List.of("203.0.113.7", "8.8.8.8", "2001:db8::1", "172.32.0.1")) {
            assertThat(InternalOnly.internal(java.net.InetAddress.getByName(a))).as(a).isFalse();
        }
    }

    @Test
    void publicRoutesNeedNoToken() {
        web.post().uri("/api/answers/preview").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "КТП обязательно?")).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.service").isEqualTo("answer-service");
    }

    @Test
    void servesTheConsole() {
        web.get().uri("/console/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> org.assertj.core.api.Assertions.assertThat(html)
                        .contains("Консоль оператора"));
        web.get().uri("/console/console.js").exchange().expectStatus().isOk();
        web.get().uri("/").exchange().expectStatus().is3xxRedirection();
    }
}
