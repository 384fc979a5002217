package ru.rosobr.assistant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.analytics.summary.Figures;
import ru.rosobr.assistant.analytics.summary.KbGrowth;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * The breakdowns by day, region and KB topic, the rating distribution, the times to answer and the KB growth, with
 * exact numbers, on the real broker and PostgreSQL; and region isolation of each breakdown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class StatisticsIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    static final String FEDERAL = TestJwt.token("federal", List.of("FEDERAL"), null);
    static final String OPERATOR_58 = TestJwt.token("operator58", List.of("OPERATOR"), "58");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "analytics");
    }

    @Autowired
    WebTestClient web;

    private List<Figures> figures(String token, String path) {
        return web.get().uri("/api/analytics" + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBodyList(Figures.class).returnResult().getResponseBody();
    }

    @Test
    void breakdownsGiveExactFiguresAndRegionalUsersOnlyTheirOwn() {
        StatisticsScenario scenario = new StatisticsScenario(LocalDate.parse("2026-03-10"));
        scenario.publish(KafkaProbe::publish);
        String day = "?from=2026-03-10&to=2026-03-10";

        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(figures(FEDERAL, "/daily" + day)).isEqualTo(scenario.daily()));
        assertThat(figures(FEDERAL, "/regions" + day)).isEqualTo(scenario.regions());
        assertThat(figures(FEDERAL, "/topics" + day)).isEqualTo(scenario.topics());
        assertThat(web.get().uri("/api/analytics/kb-growth" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange().expectStatus().isOk()
                .expectBodyList(KbGrowth.class).returnResult().getResponseBody()).isEqualTo(scenario.kbGrowth());

        // the federal view narrowed to a region, and a regional user, get that region only
        assertThat(figures(FEDERAL, "/regions" + day + "&region=58")).containsExactly(scenario.regions().get(1));
        assertThat(figures(OPERATOR_58, "/regions" + day)).containsExactly(scenario.regions().get(1));
        assertThat(figures(OPERATOR_58, "/daily" + day)).singleElement()
                .satisfies(f -> assertThat(f.appeals()).isEqualTo(3));
        assertThat(figures(OPERATOR_58, "/topics" + day)).isEqualTo(scenario.topicsOf58());
        web.get().uri("/api/analytics/daily" + day + "&region=33")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_58).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/analytics/topics" + day).exchange().expectStatus().isUnauthorized();
        // the rebuild is an administrator's
        web.post().uri("/api/analytics/admin/rebuild")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isForbidden();
    }
}
