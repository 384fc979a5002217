package ru.rosobr.assistant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.rosobr.assistant.analytics.TestEvents.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.analytics.summary.Figures;
import ru.rosobr.assistant.analytics.summary.RegionSummary;
import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * The projection on the real broker and the real PostgreSQL: events as their writers publish them, numbers read
 * back through the JWT-protected API. Each test uses its own days (Moscow time), so the tests do not see each
 * other's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "assistant.analytics.metrics-refresh=PT0.5S")
@AutoConfigureWebTestClient(timeout = "30s")
class AnalyticsServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String FEDERAL = TestJwt.token("federal", List.of("FEDERAL"), null);
    private static final String OPERATOR_58 = TestJwt.token("operator58", List.of("OPERATOR"), "58");
    private static final String HEAD_33 = TestJwt.token("head33", List.of("REGIONAL_HEAD"), "33");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "analytics");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    // --- reading back ---------------------------------------------------------------------------------------------

    private List<RegionSummary> summary(String token, String query) {
        return web.get().uri("/api/analytics/summary" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(RegionSummary.class).returnResult().getResponseBody();
    }

    private static RegionSummary expected(String region, String name, long received, long autoAnswered,
                                          long unmatched, long humanRequested, long routed, long answered,
                                          long offTopic, long overdue, long escalated, long reminders, long aiCorrect,
                                          long aiPartial, long aiWrong, Double ratingAvg, long ratingCount,
                                          long ratingsGiven, long ratingPointsGiven) {
        return new RegionSummary(region, name, received, autoAnswered, unmatched, humanRequested, routed, answered,
                offTopic, overdue, escalated, reminders, aiCorrect, aiPartial, aiWrong, ratingAvg, ratingCount,
                ratingsGiven, ratingPointsGiven);
    }

    @Test
    void aSequenceOfEventsGivesExactNumbersPerRegionAndARedeliveryCountsOnce() {
        Instant t = Instant.parse("2026-02-10T09:00:00Z");
        UUID a1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();
        UUID a3 = UUID.randomUUID();
        UUID a4 = UUID.randomUUID();
        UUID b1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();

        // region 58 — a1: answered by the AI, rated 5
        AppealReceived a1Received = received(a1, "58", t);
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, a1Received);
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, a1Received); // redelivery of the same event
        KafkaProbe.publish(Topics.ANSWER_MATCHED, matched(a1, "58", t));
        KafkaProbe.publish(Topics.APPEAL_RATED, rated(a1, "58", t, 5));
        // a2: AI answer did not help, handed over, answered twice by the operator, rated 4
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(a2, "58", t));
        KafkaProbe.publish(Topics.ANSWER_MATCHED, matched(a2, "58", t));
        KafkaProbe.publish(Topics.HUMAN_REQUESTED, humanRequested(a2, "58", t));
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, assigned(a2, "58", t));
        KafkaProbe.publish(Topics.OPERATOR_REPLIED, replied(a2, "58", t));
        KafkaProbe.publish(Topics.OPERATOR_REPLIED, replied(a2, "58", t.plusSeconds(600)));
        KafkaProbe.publish(Topics.APPEAL_RATED, rated(a2, "58", t, 4));
        // a3: no verified answer, assigned twice, AI answer judged (then judged again), overdue, escalated
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(a3, "58", t));
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, unmatched(a3, "58", t));
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, assigned(a3, "58", t));
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, assigned(a3, "58", t.plusSeconds(60)));
        KafkaProbe.publish(Topics.AI_JUDGED, judged(a3, "58", t, AiJudged.Verdict.PARTIAL));
        KafkaProbe.publish(Topics.AI_JUDGED, judged(a3, "58", t, AiJudged.Verdict.WRONG));
        KafkaProbe.publish(Topics.APPEAL_OVERDUE, overdue(a3, "58", t));
        KafkaProbe.publish(Topics.APPEAL_ESCALATED, escalated(a3, "58", t));
        // a4: off topic; published with a1's key so it lands behind the redelivered event in the same partition
        KafkaProbe.publishRaw(Topics.APPEAL_RECEIVED.name(), a1.toString(), EventCodec.write(received(a4, "58", t)));
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, offTopic(a4, "58", t));

        // region 33 — b1: AI answer, reminded, never rated; b2: operator answer, rated 2 and then re-rated 3
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(b1, "33", t));
        KafkaProbe.publish(Topics.ANSWER_MATCHED, matched(b1, "33", t));
        KafkaProbe.publish(Topics.RATING_REMINDER_DUE, reminder(b1, "33", t));
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(b2, "33", t));
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, unmatched(b2, "33", t));
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, assigned(b2, "33", t));
        KafkaProbe.publish(Topics.OPERATOR_REPLIED, replied(b2, "33", t));
        KafkaProbe.publish(Topics.APPEAL_RATED, rated(b2, "33", t, 2));
        KafkaProbe.publish(Topics.APPEAL_RATED, rated(b2, "33", t, 3));

        List<RegionSummary> want = List.of(
                expected("33", "Владимирская область", 2, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 3.0, 1, 2, 5),
                expected("58", "Пензенская область", 4, 2, 1, 1, 2, 1, 1, 1, 1, 0, 0, 1, 0, 4.5, 2, 2, 9));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(summary(FEDERAL, "?from=2026-02-10&to=2026-02-10")).isEqualTo(want));

        // the JSON itself: contract names, null average where nobody rated
        web.get().uri("/api/analytics/summary?from=2026-02-10&to=2026-02-10")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[1].region").isEqualTo("58")
                .jsonPath("$[1].regionName").isEqualTo("Пензенская область")
                .jsonPath("$[1].received").isEqualTo(4)
                .jsonPath("$[1].autoAnswered").isEqualTo(2)
                .jsonPath("$[1].routed").isEqualTo(2)
                .jsonPath("$[1].answered").isEqualTo(1)
                .jsonPath("$[1].offTopic").isEqualTo(1)
                .jsonPath("$[1].ratingAvg").isEqualTo(4.5);
    }

    @Test
    void daysAreMoscowDaysAndARatingReplacedOnAnotherDayMovesThere() {
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        // 21:30 UTC on the 11th is 00:30 on the 12th in Moscow
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(c1, "58", Instant.parse("2026-02-11T21:30:00Z")));
        KafkaProbe.publish(Topics.APPEAL_RATED, rated(c1, "58", Instant.parse("2026-02-12T10:00:00Z"), 2));
        KafkaProbe.publish(Topics.APPEAL_RATED, rated(c1, "58", Instant.parse("2026-02-13T10:00:00Z"), 5));
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(c2, "58", Instant.parse("2026-02-13T08:00:00Z")));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<RegionSummary> both = summary(FEDERAL, "?from=2026-02-12&to=2026-02-13");
            assertThat(both).hasSize(1);
            assertThat(both.getFirst().received()).isEqualTo(2);
            assertThat(both.getFirst().ratingAvg()).isEqualTo(5.0);
            assertThat(both.getFirst().ratingCount()).isEqualTo(1);
        });
        assertThat(summary(FEDERAL, "?from=2026-02-11&to=2026-02-11")).isEmpty();
        RegionSummary twelfth = summary(FEDERAL, "?from=2026-02-12&to=2026-02-12").getFirst();
        assertThat(twelfth.received()).isEqualTo(1);
        assertThat(twelfth.ratingAvg()).isNull();
        assertThat(twelfth.ratingCount()).isZero();
        RegionSummary thirteenth = summary(FEDERAL, "?from=2026-02-13&to=2026-02-13").getFirst();
        assertThat(thirteenth.received()).isEqualTo(1);
        assertThat(thirteenth.ratingAvg()).isEqualTo(5.0);
    }

    @Test
    void regionalUsersSeeOnlyTheirRegionAndStrangersNothing() {
        Instant t = Instant.parse("2026-02-20T09:00:00Z");
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(UUID.randomUUID(), "58", t));
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(UUID.randomUUID(), "33", t));
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(UUID.randomUUID(), "33", t));
        String day = "?from=2026-02-20&to=2026-02-20";
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(summary(FEDERAL, day)).extracting(RegionSummary::region, RegionSummary::received)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("33", 2L),
                                org.assertj.core.groups.Tuple.tuple("58", 1L)));

        assertThat(summary(TestJwt.token("admin", List.of("ADMIN"), null), day)).hasSize(2);
        assertThat(summary(OPERATOR_58, day)).extracting(RegionSummary::region).containsExactly("58");
        assertThat(summary(OPERATOR_58, "")).extracting(RegionSummary::region).containsExactly("58");
        assertThat(summary(HEAD_33, day)).extracting(RegionSummary::region, RegionSummary::received)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("33", 2L));
        // a day without activity: the regional user still gets their region, with zeros
        assertThat(summary(OPERATOR_58, "?from=2020-01-01&to=2020-01-01")).singleElement()
                .satisfies(s -> {
                    assertThat(s.region()).isEqualTo("58");
                    assertThat(s.received()).isZero();
                    assertThat(s.ratingAvg()).isNull();
                });
        // the federal view can narrow to one region
        assertThat(summary(FEDERAL, day + "&region=33")).extracting(RegionSummary::region).containsExactly("33");

        web.get().uri("/api/analytics/summary" + day + "&region=33")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_58).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/analytics/summary")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwt.token("editor", List.of("KB_EDITOR"), null))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/analytics/summary")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwt.token("nobody", List.of("OPERATOR"), null))
                .exchange().expectStatus().isForbidden();
        // only operator-service's key is trusted: the same token signed with any other key is refused
        web.get().uri("/api/analytics/summary")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwt.foreignToken("federal", List.of("FEDERAL"), null))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        web.get().uri("/api/analytics/summary").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("токен"));
        String forged = FEDERAL.substring(0, FEDERAL.lastIndexOf('.') + 1) + "AAAA";
        web.get().uri("/api/analytics/summary").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/analytics/summary").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void badPeriodsAreRejectedWithAReason() {
        web.get().uri("/api/analytics/summary?from=10.02.2026")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("ГГГГ-ММ-ДД"));
        web.get().uri("/api/analytics/summary?from=2026-03-02&to=2026-03-01")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isBadRequest();
        web.get().uri("/api/analytics/summary?region=999")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void prometheusCountsPerRegion() {
        Instant t = Instant.parse("2026-02-25T09:00:00Z");
        UUID d1 = UUID.randomUUID();
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(d1, "77", t));
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(UUID.randomUUID(), "77", t));
        KafkaProbe.publish(Topics.ANSWER_MATCHED, matched(d1, "77", t));
        KafkaProbe.publish(Topics.APPEAL_RATED, rated(d1, "77", t, 4));
        // campaign messages in 77: one through VK delivered and read (the read reported twice), one through MAX
        // failed and then delivered, one through VK failed for good
        UUID vk = UUID.randomUUID();
        UUID max = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        KafkaProbe.publish(Topics.OUTBOUND_DELIVERY,
                campaignOutcome(vk, Channel.VK, OutboundDelivery.Status.DELIVERED, t));
        KafkaProbe.publish(Topics.OUTBOUND_DELIVERY, campaignOutcome(vk, Channel.VK, OutboundDelivery.Status.READ, t));
        KafkaProbe.publish(Topics.OUTBOUND_DELIVERY, campaignOutcome(vk, Channel.VK, OutboundDelivery.Status.READ, t));
        KafkaProbe.publish(Topics.OUTBOUND_DELIVERY,
                campaignOutcome(max, Channel.MAX, OutboundDelivery.Status.FAILED, t));
        KafkaProbe.publish(Topics.OUTBOUND_DELIVERY,
                campaignOutcome(max, Channel.MAX, OutboundDelivery.Status.DELIVERED, t));
        KafkaProbe.publish(Topics.OUTBOUND_DELIVERY,
                campaignOutcome(lost, Channel.VK, OutboundDelivery.Status.FAILED, t));

        Pattern received = Pattern.compile(
                "(?m)^assistant_appeals_received_total\\{[^}]*region=\"77\"[^}]*} 2\\.0$");
        Pattern auto = Pattern.compile(
                "(?m)^assistant_appeals_auto_answered_total\\{[^}]*region=\"77\"[^}]*} 1\\.0$");
        Pattern rating = Pattern.compile("(?m)^assistant_rating_average\\{[^}]*region=\"77\"[^}]*} 4\\.0$");
        Pattern points = Pattern.compile("(?m)^assistant_rating_points_total\\{[^}]*region=\"77\"[^}]*} 4\\.0$");
        Pattern count = Pattern.compile("(?m)^assistant_ratings_given_total\\{[^}]*region=\"77\"[^}]*} 1\\.0$");
        Pattern attempted = campaignSeries("attempted", "77", 3);
        Pattern delivered = campaignSeries("delivered", "77", 2);
        Pattern readable = campaignSeries("readable", "77", 1);
        Pattern read = campaignSeries("read", "77", 1);
        // a region without any campaign message has its series, at 0 (a dashboard's rate has a base to show)
        Pattern none = campaignSeries("attempted", "01", 0);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String text = web.get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(text).containsPattern(received).containsPattern(auto).containsPattern(rating)
                    .containsPattern(points).containsPattern(count)
                    .containsPattern(attempted).containsPattern(delivered).containsPattern(readable)
                    .containsPattern(read).containsPattern(none);
        });
    }

    private static Pattern campaignSeries(String stage, String region, int value) {
        return Pattern.compile("(?m)^assistant_campaign_messages_" + stage + "_total\\{[^}]*region=\"" + region
                + "\"[^}]*} " + value + "\\.0$");
    }

    private static OutboundDelivery campaignOutcome(UUID message, Channel channel, OutboundDelivery.Status status,
                                                    Instant at) {
        return new OutboundDelivery(UUID.randomUUID(), at, OutboundDelivery.VERSION, message, "teacher-" + message,
                null, channel, status, status == OutboundDelivery.Status.FAILED ? "ошибка платформы" : null, 1, "77",
                OutboundMessage.Kind.CAMPAIGN);
    }

    @Test
    void appealsPerThousandTeachersCountTheRegistryAsTeacherChangedLeftIt() {
        Instant registered = Instant.parse("2026-04-01T09:00:00Z");
        Instant t = Instant.parse("2026-04-14T09:00:00Z");
        for (int i = 0; i < 4; i++) {
            KafkaProbe.publish(Topics.TEACHER_CHANGED,
                    TeacherChanged.of(registered, "t42-" + i, Channel.VK, "42", OrgType.SCHOOL, true));
        }
        // not verified: not a teacher of the registry
        KafkaProbe.publish(Topics.TEACHER_CHANGED,
                TeacherChanged.of(registered, "t42-9", Channel.MAX, "42", OrgType.SCHOOL, false));
        // one teacher moves to 43; its older state comes again afterwards (a replay) and must not move it back
        KafkaProbe.publish(Topics.TEACHER_CHANGED,
                TeacherChanged.of(registered.plusSeconds(3600), "t42-3", Channel.VK, "43", OrgType.SCHOOL, true));
        TeacherChanged stale = TeacherChanged.of(registered, "t42-3", Channel.VK, "42", OrgType.SCHOOL, true);
        KafkaProbe.publish(Topics.TEACHER_CHANGED, stale);
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(UUID.randomUUID(), "42", t));
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(UUID.randomUUID(), "42", t));
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(UUID.randomUUID(), "43", t));
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, received(UUID.randomUUID(), "44", t));

        await().atMost(WAIT).untilAsserted(() -> assertThat(db.sql(
                        "select count(*) as n from processed_events where event_id = :id")
                .bind("id", stale.eventId()).map((r, m) -> r.get("n", Long.class)).one().block()).isEqualTo(1L));
        await().atMost(WAIT).untilAsserted(() -> {
            List<Figures> rows = regions(FEDERAL, "?from=2026-04-14&to=2026-04-14");
            assertThat(rows).extracting(Figures::key, Figures::appeals, Figures::teachers,
                            Figures::appealsPerThousandTeachers)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("42", 2L, 3L, 666.67),
                            org.assertj.core.groups.Tuple.tuple("43", 1L, 1L, 1000.0),
                            org.assertj.core.groups.Tuple.tuple("44", 1L, null, null));
        });
        // a regional head sees the figure of its own region only
        String head43 = TestJwt.token("head43", List.of("REGIONAL_HEAD"), "43");
        assertThat(regions(head43, "?from=2026-04-14&to=2026-04-14"))
                .extracting(Figures::key, Figures::teachers, Figures::appealsPerThousandTeachers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("43", 1L, 1000.0));
        // rows by day carry no per-capita figure
        web.get().uri("/api/analytics/daily?from=2026-04-14&to=2026-04-14")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].appeals").isEqualTo(4)
                .jsonPath("$[0].teachers").doesNotExist();
    }

    private List<Figures> regions(String token, String query) {
        return web.get().uri("/api/analytics/regions" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBodyList(Figures.class).returnResult().getResponseBody();
    }
}
