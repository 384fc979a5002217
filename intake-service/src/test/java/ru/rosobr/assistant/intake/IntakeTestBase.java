package ru.rosobr.assistant.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.support.FakeMaxPlatform;
import ru.rosobr.assistant.intake.support.FakeVkApi;
import ru.rosobr.assistant.intake.support.MutableClock;
import ru.rosobr.assistant.intake.support.TestClockConfiguration;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * One running intake-service for every integration test of the module (one Spring context: one consumer of
 * outbound.messages in the JVM): real embedded KRaft broker, real PostgreSQL, a fake MAX platform and a fake VK
 * API as plain HTTP servers, configured through the same environment variables as production, and a clock the
 * tests can move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "springdoc.api-docs.enabled=true")
@AutoConfigureWebTestClient(timeout = "30s")
@Import(TestClockConfiguration.class)
public abstract class IntakeTestBase {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final String MAX_SECRET = "max-test-secret";
    protected static final String MAX_WEBHOOK_URL = "https://intake.example.org/webhooks/max";
    protected static final String VK_SECRET = "vk-test-secret";
    protected static final String VK_CONFIRMATION = "5e7a1c2b";
    protected static final MutableClock CLOCK = TestClockConfiguration.CLOCK;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "intake");
        registry.add("MAX_API_BASE_URL", () -> FakeMaxPlatform.get().url());
        registry.add("MAX_BOT_TOKEN", () -> FakeMaxPlatform.TOKEN);
        registry.add("MAX_WEBHOOK_SECRET", () -> MAX_SECRET);
        registry.add("MAX_WEBHOOK_URL", () -> MAX_WEBHOOK_URL);
        registry.add("VK_API_BASE_URL", () -> FakeVkApi.get().url());
        registry.add("VK_ACCESS_TOKEN", () -> FakeVkApi.TOKEN);
        registry.add("VK_SECRET", () -> VK_SECRET);
        registry.add("VK_CONFIRMATION", () -> VK_CONFIRMATION);
        registry.add("assistant.max.polling-timeout", () -> "1s");
        registry.add("assistant.max.polling-retry", () -> "200ms");
        registry.add("assistant.inbox.poll-interval", () -> "100ms");
        // production waits seconds to a minute between tries; the tests run the same schedule scaled down
        registry.add("assistant.delivery.poll-interval", () -> "100ms");
        registry.add("assistant.delivery.request-timeout", () -> "3s");
        registry.add("assistant.delivery.retry-attempts", () -> "4");
        registry.add("assistant.delivery.retry-backoff", () -> "20ms");
        registry.add("assistant.delivery.breaker-window", () -> "8");
        registry.add("assistant.delivery.breaker-minimum-calls", () -> "4");
        registry.add("assistant.delivery.breaker-open-for", () -> "500ms");
        registry.add("assistant.delivery.round-backoff", () -> "200ms");
        registry.add("assistant.delivery.round-max-backoff", () -> "400ms");
        // production takes 20 MB; a small limit lets a test cross it cheaply
        registry.add("assistant.teachers.upload-max-size", () -> "1MB");
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient db;

    protected static String adminBearer() {
        return "Bearer " + TestJwt.token("admin", List.of("ADMIN"), null);
    }

    /** Imports verified teachers through the admin API; emits the result ({@code imported, created, updated}). */
    protected Map<String, Object> importTeachers(String json) {
        return web.post().uri("/api/admin/teachers")
                .header("Authorization", adminBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
    }

    protected void registerTeacher(Channel channel, long userId, String fio, String region) {
        importTeachers("[{\"channel\":\"" + channel + "\",\"platformUserId\":\"" + userId + "\",\"fio\":\"" + fio
                + "\",\"region\":" + (region == null ? "null" : "\"" + region + "\"") + ",\"orgType\":\"SCHOOL\"}]");
    }

    protected WebTestClient.ResponseSpec postMax(String update) {
        return web.post().uri("/webhooks/max")
                .header("X-Max-Bot-Api-Secret", MAX_SECRET)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(update)
                .exchange();
    }

    protected WebTestClient.ResponseSpec postVk(String notification) {
        return web.post().uri("/webhooks/vk")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(notification)
                .exchange();
    }

    /** Intake's teacher id of a messenger user (null when intake never met them). */
    protected String teacherId(Channel channel, long userId) {
        return db.sql("select teacher_id from teachers where channel = :c and platform_user_id = :u")
                .bind("c", channel.name()).bind("u", String.valueOf(userId))
                .map((r, m) -> r.get("teacher_id", String.class)).one().block();
    }

    protected long count(String sql, Object... binds) {
        var spec = db.sql(sql);
        for (int i = 0; i < binds.length; i++) {
            spec = spec.bind("p" + i, binds[i]);
        }
        return spec.map((r, m) -> ((Number) r.get(0)).longValue()).one().block();
    }

    protected static long newUserId() {
        return 10_000_000L + (long) (Math.random() * 1_000_000_000L);
    }
}
