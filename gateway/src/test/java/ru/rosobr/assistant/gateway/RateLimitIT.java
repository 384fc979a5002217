package ru.rosobr.assistant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Budgets fit the callers: webhooks per teacher (not per platform address), the APIs per user or per client address
 * (behind a trusted proxy, the address it reports). Excess gets 429, Retry-After and a reason in Russian.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "GATEWAY_RATE_BURST=3", "GATEWAY_RATE_PER_SECOND=1",
    "GATEWAY_WEBHOOK_RATE_BURST=3", "GATEWAY_WEBHOOK_RATE_PER_SECOND=1",
    "GATEWAY_WEBHOOK_ADDRESS_RATE_BURST=4", "GATEWAY_WEBHOOK_ADDRESS_RATE_PER_SECOND=1",
    "GATEWAY_TRUSTED_PROXIES=10.0.0.0/8,127.0.0.1/32"})
@AutoConfigureWebTestClient(timeout = "30s")
class RateLimitIT {

    static final LoopbackBackend backend = new LoopbackBackend("backend", Duration.ZERO);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        LoopbackBackend.behindEveryRoute(registry, backend);
        registry.add("assistant.revocations.enabled", () -> "false"); // RevocationIT covers them, with a broker
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void burstBeyondTheBudgetIsRefusedWith429RetryAfterAndAReason() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(preview(null, null).getStatus().value());
        }
        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(statuses.subList(3, 6)).contains(429);
        EntityExchangeResult<String> refused = preview(null, null);
        assertThat(refused.getStatus().value()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 2L);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody()).contains("\"status\":429").contains("Слишком много запросов");
    }

    @Test
    void webhooksAreLimitedPerTeacherNotPerAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(max(PlatformUpdates.maxMessage(1001))).isEqualTo(200);
        }
        assertThat(max(PlatformUpdates.maxMessage(1001))).isEqualTo(429);
        // the same platform address, another teacher: a budget of their own
        assertThat(max(PlatformUpdates.maxMessage(1002))).isEqualTo(200);
        // a button press is the same teacher as their messages
        assertThat(max(PlatformUpdates.maxCallback(1001))).isEqualTo(429);
        assertThat(max(PlatformUpdates.maxCallback(1003))).isEqualTo(200);
        assertThat(max("{\"update_type\":\"bot_started\",\"timestamp\":1,\"user\":{\"user_id\":1004}}"))
                .isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(vk(PlatformUpdates.vkMessage(2001))).isEqualTo(200);
        }
        assertThat(vk(PlatformUpdates.vkMessage(2001))).isEqualTo(429);
        assertThat(vk("{\"type\":\"message_event\",\"object\":{\"user_id\":2001,\"peer_id\":2001,\"event_id\":\"e1\"}}"))
                .isEqualTo(429);
        assertThat(vk(PlatformUpdates.vkMessage(2002))).isEqualTo(200);
        // the MAX user with the same number is somebody else
        assertThat(max(PlatformUpdates.maxMessage(2001))).isEqualTo(200);
    }

    @Test
    void theServiceGetsTheWebhookBodyAsSentAndAHugeBodyIsRefused() {
        String update = PlatformUpdates.maxMessage(3001).replace("Вопрос", "Вопрос про КТП ".repeat(500));
        assertThat(max(update)).isEqualTo(200);
        assertThat(backend.lastBody.get()).isEqualTo(update);

        String huge = PlatformUpdates.maxMessage(3002).replace("Вопрос", "я".repeat(200_000));
        assertThat(max(huge)).isEqualTo(413);
    }

    @Test
    void aWebhookThatNamesNobodyFallsBackToItsAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(web.post().uri("/webhooks/vk").header("X-Forwarded-For", "10.9.9.9")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"type\":\"confirmation\",\"group_id\":1}").exchange()
                    .returnResult(String.class).getStatus().value());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 429);
    }

    @Test
    void theApisAreLimitedPerUserAndOtherwisePerClientAddress() {
        String anna = TestJwt.token("anna", List.of("OPERATOR"), "58");
        String boris = TestJwt.token("boris", List.of("OPERATOR"), "58");
        for (int i = 0; i < 3; i++) {
            assertThat(preview(anna, "203.0.113.1").getStatus().value()).isEqualTo(200);
        }
        assertThat(preview(anna, "203.0.113.2").getStatus().value()).as("anna from anywhere").isEqualTo(429);
        assertThat(preview(boris, "203.0.113.1").getStatus().value()).as("boris has his own").isEqualTo(200);

        // no token: the address reported by the trusted proxy, so clients behind it do not share a bucket
        for (int i = 0; i < 3; i++) {
            assertThat(preview(null, "198.51.100.7").getStatus().value()).isEqualTo(200);
        }
        assertThat(preview(null, "198.51.100.7").getStatus().value()).isEqualTo(429);
        assertThat(preview(null, "198.51.100.8").getStatus().value()).isEqualTo(200);
        // a spoofed first entry does not help: the right-most untrusted entry is the client
        assertThat(preview(null, "192.0.2.1, 198.51.100.7").getStatus().value()).isEqualTo(429);
    }

    private EntityExchangeResult<String> preview(String token, String forwardedFor) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/answers/preview");
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request = request.header("X-Forwarded-For", forwardedFor);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "КТП")).exchange()
                .expectBody(String.class).returnResult();
    }

    private int max(String body) {
        return web.post().uri("/webhooks/max").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .returnResult(String.class).getStatus().value();
    }

    private int vk(String body) {
        return web.post().uri("/webhooks/vk").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .returnResult(String.class).getStatus().value();
    }
}
