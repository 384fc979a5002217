package ru.rosobr.assistant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.analytics.rebuild.RebuildReport;
import ru.rosobr.assistant.analytics.summary.Figures;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.testkit.ServiceReplicas;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Two replicas consume the scenario (each takes part of the partitions, so the figures are the sum of their work);
 * the projection is then damaged behind their backs, rebuilt by one replica from offset 0 of every topic into fresh
 * tables, and must give exactly the figures it gave before. Events after the rebuild count once, on either replica.
 */
class RebuildIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ADMIN = TestJwt.token("admin", List.of("ADMIN"), null);
    private static final String FEDERAL = TestJwt.token("federal", List.of("FEDERAL"), null);
    private static final String[] VIEWS = {"/summary", "/daily", "/regions", "/topics", "/kb-growth", "/campaigns"};
    private static ServiceReplicas replicas;

    @BeforeAll
    static void start() {
        replicas = ServiceReplicas.start(AnalyticsServiceApplication.class, "analytics_rebuild", 2,
                "assistant.analytics.metrics-refresh=PT0.5S", "assistant.analytics.leader-check=PT0.5S");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    private static String view(int replica, String path) {
        return replicas.web(replica).get().uri("/api/analytics" + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static List<Figures> daily(int replica, String period) {
        return replicas.web(replica).get().uri("/api/analytics/daily" + period)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isOk().expectBodyList(Figures.class).returnResult().getResponseBody();
    }

    @Test
    void aRebuildFromOffsetZeroGivesTheSameFiguresAndLaterEventsCountOnce() {
        StatisticsScenario scenario = new StatisticsScenario(LocalDate.parse("2026-04-14"));
        scenario.publish(replicas::publish);
        String period = "?from=2026-04-14&to=2026-04-14";
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(daily(1, period)).isEqualTo(scenario.daily()));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(view(0, "/kb-growth" + period)).contains("vacation"));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(view(1, "/campaigns" + period)).contains("\"attempted\":5"));
        String[] before = new String[VIEWS.length];
        for (int i = 0; i < VIEWS.length; i++) {
            before[i] = view(0, VIEWS[i] + period);
        }

        // damage every derived table: only a replay can give the figures back
        DatabaseClient db = replicas.bean(0, DatabaseClient.class);
        for (String sql : List.of("update region_day_stats set received = received + 100, rating_5 = 0",
                "delete from latency_day_buckets", "update appeal_facts set topic = 'damaged'",
                "delete from kb_day_stats", "update campaign_day_stats set read = read + 7")) {
            db.sql(sql).then().block(Duration.ofSeconds(10));
        }
        assertThat(view(0, "/daily" + period)).isNotEqualTo(before[1]);

        replicas.web(1).post().uri("/api/analytics/admin/rebuild")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isForbidden();
        RebuildReport report = replicas.web(0).mutate().responseTimeout(Duration.ofMinutes(2)).build()
                .post().uri("/api/analytics/admin/rebuild")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).exchange()
                .expectStatus().isOk().expectBody(RebuildReport.class).returnResult().getResponseBody();
        // 43 records of the scenario (31 of appeals and the KB, 12 delivery outcomes), one of them a second
        // delivery of an event
        assertThat(report.records()).isEqualTo(43);
        assertThat(report.applied()).isEqualTo(42);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.failed()).isZero();
        for (int i = 0; i < VIEWS.length; i++) {
            assertThat(view(i % 2, VIEWS[i] + period)).as(VIEWS[i]).isEqualTo(before[i]);
        }
        // nothing of the rebuild is left behind
        assertThat(db.sql("select count(*) as n from information_schema.schemata "
                        + "where schema_name like 'analytics_rebuild_%'")
                .map((r, m) -> r.get("n", Long.class)).one().block()).isZero();

        // the live consumers go on from where they were: new events count once
        for (int i = 0; i < 4; i++) {
            UUID appeal = UUID.randomUUID();
            replicas.publish(Topics.APPEAL_RECEIVED, TestEvents.received(appeal, i % 2 == 0 ? "58" : "33",
                    LocalDate.parse("2026-04-14").atTime(15, 0).toInstant(ZoneOffset.UTC)));
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(daily(0, period)).singleElement().satisfies(f -> assertThat(f.appeals()).isEqualTo(10)));
        assertThat(daily(1, period).getFirst().autoAnswered()).isEqualTo(4);
    }
}
