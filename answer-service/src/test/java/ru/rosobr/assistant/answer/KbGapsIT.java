package ru.rosobr.assistant.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.answer.gaps.GapCluster;
import ru.rosobr.assistant.answer.gaps.GapReport;
import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * The KB gaps on real Kafka and PostgreSQL: questions published as intake-service publishes them, routed by the
 * matcher, grouped by the report — exact sizes, trends and regions for a period and the one before it; region
 * isolation; a group an editor turned into a verified entry leaves the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KbGapsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EDITOR = TestJwt.token("editor1", List.of("KB_EDITOR"), null);
    private static final String EDITOR_2 = TestJwt.token("editor2", List.of("KB_EDITOR"), null);
    private static final String OPERATOR_58 = TestJwt.token("op58", List.of("OPERATOR"), "58");
    private static final String HEAD_33 = TestJwt.token("head33", List.of("REGIONAL_HEAD"), "33");
    private static final String PERIOD = "from=2026-03-10&to=2026-03-16";

    static final String ATT_PREVIOUS = "Когда мне проходить аттестацию на первую квалификационную категорию?";
    static final String ATT_1 = "Как подготовиться к аттестации на высшую категорию?";
    static final String ATT_2 = "Можно ли пройти аттестацию на высшую категорию досрочно?";
    static final String ATT_3 = "Что будет, если не пройти аттестацию на категорию вовремя?";
    static final String MENTOR_1 = "Обязан ли я быть наставником молодого специалиста?";
    static final String MENTOR_2 = "Могут ли заставить быть наставником молодого специалиста без согласия?";
    static final String OVZ_PREVIOUS_1 = "Как составить адаптированную программу для ребёнка с ОВЗ?";
    static final String OVZ_PREVIOUS_2 = "Нужно ли писать отдельную адаптированную программу для каждого ученика с ОВЗ?";
    static final String OVZ = "Кто должен разрабатывать адаптированную программу для обучающегося с ОВЗ?";
    static final String COUNCIL = "Сколько раз в год проводится педсовет и нужно ли вести его протокол?";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "answer");
    }

    @Autowired
    WebTestClient web;

    private static AppealReceived asked(String region, String day, String text) {
        return new AppealReceived(UUID.randomUUID(), Instant.parse(day + "T07:00:00Z"), AppealReceived.VERSION,
                UUID.randomUUID(), region, "t-" + UUID.randomUUID(), Channel.WEBCHAT, "Иванова Мария Петровна",
                OrgType.SCHOOL, text, UUID.randomUUID());
    }

    /** Publishes the scenario once and waits until every question is decided (decision and event: one transaction). */
    @BeforeAll
    void questions() {
        List<AppealReceived> routed = new ArrayList<>(List.of(
                asked("58", "2026-02-20", ATT_1),                  // before both periods
                asked("58", "2026-03-05", ATT_PREVIOUS),
                asked("58", "2026-03-04", OVZ_PREVIOUS_1),
                asked("58", "2026-03-06", OVZ_PREVIOUS_2),
                asked("58", "2026-03-10", ATT_1),
                asked("33", "2026-03-11", MENTOR_1),
                asked("58", "2026-03-12", ATT_2),
                asked("33", "2026-03-13", MENTOR_2),
                asked("58", "2026-03-14", OVZ),
                asked("33", "2026-03-15", ATT_3),
                asked("33", "2026-03-16", COUNCIL),
                asked("58", "2026-03-17", ATT_2)));                // after the period
        AppealReceived answered = asked("58", "2026-03-12", "Обязан ли учитель вести электронный журнал?");
        routed.forEach(e -> KafkaProbe.publish(Topics.APPEAL_RECEIVED, e));
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, answered);
        for (AppealReceived e : routed) {
            KafkaProbe.await(Topics.ANSWER_UNMATCHED, m -> m.appealId().equals(e.appealId()), WAIT);
        }
        KafkaProbe.<AnswerMatched>await(Topics.ANSWER_MATCHED, m -> m.appealId().equals(answered.appealId()), WAIT);
    }

    private GapReport gaps(String token, String query) {
        return web.get().uri("/api/kb/gaps?" + query).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(GapReport.class).returnResult().getResponseBody();
    }

    private static List<String> regions(GapCluster c) {
        return c.regions().stream().map(r -> r.region() + ":" + r.count()).toList();
    }

    @Test
    @Order(1)
    void routedQuestionsGroupedWithSizesTrendsAndRegions() {
        GapReport all = gaps(EDITOR, PERIOD);
        assertThat(all.previousFrom()).hasToString("2026-03-03");
        assertThat(all.previousTo()).hasToString("2026-03-09");
        assertThat(all.questions()).isEqualTo(7);
        assertThat(all.clusters()).extracting(GapCluster::size, GapCluster::previousSize, GapCluster::trend,
                        KbGapsIT::regions)
                .containsExactly(tuple(3, 1, GapCluster.Trend.UP, List.of("58:2", "33:1")),
                        tuple(2, 0, GapCluster.Trend.NEW, List.of("33:2")));
        assertThat(all.clusters().get(0).samples()).containsExactlyInAnyOrder(ATT_1, ATT_2, ATT_3);
        assertThat(all.clusters().get(0).terms()).contains("аттестация");
        assertThat(all.clusters().get(0).firstDay()).hasToString("2026-03-10");
        assertThat(all.clusters().get(0).lastDay()).hasToString("2026-03-15");
        assertThat(all.clusters().get(1).samples()).containsExactlyInAnyOrder(MENTOR_1, MENTOR_2);
        assertThat(all.clusters().get(0).regions().get(0).regionName()).isEqualTo("Пензенская область");

        // single questions too: the council (new) before the disabilities one (fewer than before)
        GapReport singles = gaps(EDITOR, PERIOD + "&minSize=1");
        assertThat(singles.clusters()).extracting(GapCluster::size, GapCluster::previousSize, GapCluster::trend)
                .containsExactly(tuple(3, 1, GapCluster.Trend.UP), tuple(2, 0, GapCluster.Trend.NEW),
                        tuple(1, 0, GapCluster.Trend.NEW), tuple(1, 2, GapCluster.Trend.DOWN));
        assertThat(singles.clusters().get(2).samples()).containsExactly(COUNCIL);
        assertThat(singles.clusters().get(3).samples()).containsExactly(OVZ);
    }

    @Test
    @Order(1)
    void aRegionalUserSeesTheQuestionsOfItsRegionOnly() {
        GapReport own = gaps(OPERATOR_58, PERIOD);
        assertThat(own.region()).isEqualTo("58");
        assertThat(own.questions()).isEqualTo(3);
        assertThat(own.clusters()).extracting(GapCluster::size, GapCluster::previousSize, GapCluster::trend,
                        KbGapsIT::regions)
                .containsExactly(tuple(2, 1, GapCluster.Trend.UP, List.of("58:2")));
        assertThat(own.clusters().get(0).samples()).containsExactlyInAnyOrder(ATT_1, ATT_2);
        assertThat(gaps(OPERATOR_58, PERIOD + "&region=58").clusters()).hasSize(1);

        GapReport head = gaps(HEAD_33, PERIOD);
        assertThat(head.clusters()).extracting(GapCluster::size, GapCluster::trend, KbGapsIT::regions)
                .containsExactly(tuple(2, GapCluster.Trend.NEW, List.of("33:2")));
        assertThat(gaps(EDITOR, PERIOD + "&region=33").clusters()).extracting(GapCluster::samples)
                .isEqualTo(head.clusters().stream().map(GapCluster::samples).toList());

        web.get().uri("/api/kb/gaps?" + PERIOD + "&region=58").headers(h -> h.setBearerAuth(HEAD_33)).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/kb/gaps?" + PERIOD).headers(h -> h.setBearerAuth(
                TestJwt.token("nobody", List.of("OPERATOR"), null))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/kb/gaps?" + PERIOD).exchange().expectStatus().isUnauthorized();
    }

    @Test
    @Order(1)
    void badParametersAreRefusedWithTheReason() {
        web.get().uri("/api/kb/gaps?from=10.03.2026").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("ГГГГ-ММ-ДД"));
        web.get().uri("/api/kb/gaps?from=2026-03-16&to=2026-03-10").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isBadRequest();
        web.get().uri("/api/kb/gaps?region=999").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isBadRequest();
        web.get().uri("/api/kb/gaps?minSize=0").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isBadRequest();
    }

    /** Runs last: it changes the base. */
    @Test
    @Order(2)
    void aGroupTurnedIntoAVerifiedEntryLeavesTheList() {
        GapCluster mentors = gaps(EDITOR, PERIOD).clusters().get(1);
        Map<String, Object> draft = Map.of("topic", "mentoring", "question", mentors.samples().getFirst(),
                "phrasings", mentors.samples().subList(1, mentors.samples().size()),
                "answer", "Наставничество назначается приказом с согласия педагога.",
                "legalBasis", "Распоряжение Минпросвещения № Р-145", "audience", List.of("ALL"));
        String id = (String) web.post().uri("/api/kb/entries").headers(h -> h.setBearerAuth(EDITOR)).bodyValue(draft)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        // a draft does not answer yet: the group stays
        assertThat(gaps(EDITOR, PERIOD).clusters()).hasSize(2);

        web.post().uri("/api/kb/entries/" + id + "/verify").headers(h -> h.setBearerAuth(EDITOR_2))
                .bodyValue(Map.of("version", 1)).exchange().expectStatus().isOk();
        GapReport after = gaps(EDITOR, PERIOD);
        assertThat(after.clusters()).extracting(GapCluster::size, GapCluster::trend)
                .containsExactly(tuple(3, GapCluster.Trend.UP));
        assertThat(after.clusters().getFirst().samples()).contains(ATT_1);
        assertThat(after.questions()).isEqualTo(7);
    }
}
