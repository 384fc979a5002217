package ru.rosobr.assistant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.platform.leader.Leadership;
import ru.rosobr.assistant.testkit.ServiceReplicas;

/**
 * Two replicas of analytics-service on one database and one broker: what Prometheus scrapes from both, summed as
 * Grafana sums it, equals the number of events sent — only the leader exports the database totals — and when the
 * leader goes, the other replica takes over the export with the same figures.
 */
class TwoReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Pattern RECEIVED = Pattern.compile(
            "(?m)^assistant_appeals_received_total\\{[^}]*region=\"(\\d+)\"[^}]*} ([0-9.]+)$");
    private static ServiceReplicas replicas;

    @BeforeAll
    static void start() {
        replicas = ServiceReplicas.start(AnalyticsServiceApplication.class, "analytics2", 2,
                "assistant.analytics.metrics-refresh=PT0.3S", "assistant.analytics.leader-check=PT0.5S");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    /** {@code assistant_appeals_received_total} of one replica, summed over its regions; -1 when it exports none. */
    private static double scrapedReceived(int replica) {
        String text = replicas.web(replica).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher m = RECEIVED.matcher(text);
        double sum = 0;
        boolean any = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
            any = true;
        }
        return any ? sum : -1;
    }

    private static void send(int count, String region) {
        for (int i = 0; i < count; i++) {
            UUID appeal = UUID.randomUUID();
            replicas.publish(Topics.APPEAL_RECEIVED, new AppealReceived(UUID.randomUUID(), Instant.now(), 1, appeal,
                    region, "t-" + appeal, Channel.WEBCHAT, "Иванова М. П.", OrgType.SCHOOL, "Вопрос",
                    UUID.randomUUID()));
        }
    }

    private static int leader() {
        boolean first = replicas.bean(0, Leadership.class).isLeader();
        boolean second = replicas.bean(1, Leadership.class).isLeader();
        assertThat(first && second).as("two leaders").isFalse();
        return first ? 0 : second ? 1 : -1;
    }

    @Test
    void summedScrapesEqualTheEventsSentAndSurviveTheLeaderGoing() {
        send(7, "58");
        send(5, "33");

        // the projection has all twelve (the leader shows them), and the sum over both scrapes is twelve
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            double a = scrapedReceived(0);
            double b = scrapedReceived(1);
            assertThat(List.of(a, b)).as("exactly one replica exports the totals").containsOnlyOnce(-1.0);
            assertThat(Math.max(a, 0) + Math.max(b, 0)).isEqualTo(12.0);
        });
        int leader = leader();
        assertThat(leader).isNotNegative();
        int other = 1 - leader;

        // the leader goes (a crash or a scale-down): the other replica exports the same totals, alone
        replicas.stop(leader);
        send(3, "58");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(scrapedReceived(other)).isEqualTo(15.0));
        assertThat(replicas.bean(other, Leadership.class).isLeader()).isTrue();
    }
}
