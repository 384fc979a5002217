package ru.rosobr.assistant.operator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.contracts.events.AppealSla;
import ru.rosobr.assistant.contracts.events.AppealSla.Stage;
import ru.rosobr.assistant.platform.calendar.WorkingCalendar;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;

/**
 * One Spring context (real Kafka, real PostgreSQL, demo users, the OpenAPI description switched on for
 * OpenApiSpecIT) shared by every integration test class of the service, and the helpers they use: log in, play routing's decisions on the real topic, call the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assistant.demo-data=true", "assistant.console.stream-heartbeat=2s",
                "assistant.dead-letters.refresh=500ms", "springdoc.api-docs.enabled=true"})
@AutoConfigureWebTestClient(timeout = "30s")
abstract class OperatorTestBase {

    static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "operator");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    String login(String username) {
        return login(username, "demo");
    }

    String login(String username, String password) {
        Map<?, ?> body = web.post().uri("/api/auth/login")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    /** Routing's decision for a new appeal of the region, published on the real topic. */
    static AppealAssigned assign(String region, String operator) {
        return assign(region, operator, "Кузнецова Ольга Викторовна",
                "Обязан ли учитель составлять отчёт о посещаемости кружка каждую неделю?",
                Instant.parse("2025-03-03T07:15:00Z"));
    }

    static AppealAssigned assign(String region, String operator, String fio, String text, Instant receivedAt) {
        AppealAssigned e = AppealAssigned.of(UUID.randomUUID(), region,
                operator == null ? Target.REGION_QUEUE : Target.OPERATOR, operator,
                operator == null ? "UNMATCHED:NO_OPERATOR_ON_SHIFT" : "UNMATCHED:LEAST_LOADED_ON_SHIFT",
                "t-" + UUID.randomUUID(), fio, OrgType.SCHOOL, text, receivedAt, "reports",
                "Кандидат ответа из базы знаний", 0.37);
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, e);
        return e;
    }

    private static final WorkingCalendar CALENDAR = WorkingCalendar.fromClasspath();

    /**
     * Routing's decision made {@code occurredAt}, preceded by the deadline followup-service sets for it (the SLA runs
     * from the first assignment: 5 working days, region time). The deadline arrives first and waits for the appeal.
     */
    AppealAssigned assignAt(String region, String operator, String fio, String text, Instant receivedAt,
                            Instant occurredAt) {
        AppealAssigned e = new AppealAssigned(UUID.randomUUID(), occurredAt, AppealAssigned.VERSION, UUID.randomUUID(),
                region, operator == null ? Target.REGION_QUEUE : Target.OPERATOR, operator,
                operator == null ? "UNMATCHED:NO_OPERATOR_ON_SHIFT" : "UNMATCHED:LEAST_LOADED_ON_SHIFT",
                "t-" + UUID.randomUUID(), fio, OrgType.SCHOOL, text, receivedAt, "reports",
                "Кандидат ответа из базы знаний", 0.37);
        AppealSla deadline = sla(e.appealId(), region, e.teacherId(), Stage.DEADLINE_SET, occurredAt, null);
        KafkaProbe.publish(Topics.APPEAL_SLA, deadline);
        awaitProcessed(deadline.eventId());
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, e);
        return e;
    }

    /** followup-service's word on the appeal's deadline, as it computes it from the first assignment. */
    static AppealSla sla(UUID appealId, String region, String teacherId, Stage stage, Instant assignedAt,
                         String reason) {
        ZoneId zone = Regions.zoneOf(region);
        LocalDate day = CALENDAR.deadlineDate(assignedAt, zone, 5);
        return new AppealSla(UUID.randomUUID(), Instant.now(), AppealSla.VERSION, appealId, region, stage, teacherId,
                day, CALENDAR.deadline(assignedAt, zone, 5), day.atTime(9, 0).atZone(zone).toInstant(),
                CALENDAR.deadline(assignedAt, zone, 7), reason);
    }

    /** Waits until the service has processed the event (its consumer recorded the event id). */
    void awaitProcessed(UUID eventId) {
        Awaitility.await().atMost(WAIT).until(() -> db.sql("select 1 from processed_events where event_id = :id")
                .bind("id", eventId).fetch().first().hasElement().block());
    }

    WebTestClient.RequestHeadersSpec<?> get(String token, String uri) {
        return web.get().uri(uri).header("Authorization", "Bearer " + token);
    }

    WebTestClient.RequestHeadersSpec<?> post(String token, String uri, Object body) {
        return web.post().uri(uri).header("Authorization", "Bearer " + token).bodyValue(body);
    }

    /** Waits until the consumer has the appeal (the card opens for the given user). */
    void awaitCard(String token, UUID appealId) {
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                get(token, "/api/console/appeals/" + appealId).exchange().expectStatus().isOk());
    }

    Map<?, ?> card(String token, UUID appealId) {
        return get(token, "/api/console/appeals/" + appealId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    long version(String token, UUID appealId) {
        return ((Number) card(token, appealId).get("version")).longValue();
    }
}
