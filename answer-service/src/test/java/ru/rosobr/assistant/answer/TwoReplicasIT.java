package ru.rosobr.assistant.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.testkit.ServiceReplicas;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Two replicas of answer-service on one database and one broker: a KB change reaches the matcher index of both
 * within a second, whichever way it came — the kb.entry.published event (consumed by one replica of the group) or
 * the KB admin API (served by one replica) — and a replica that missed the notifications catches up from the
 * database.
 */
class TwoReplicasIT {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String FEDERAL = TestJwt.token("fed1", List.of("FEDERAL"), null);
    private static final String EDITOR = TestJwt.token("editor1", List.of("KB_EDITOR"), null);
    private static ServiceReplicas replicas;

    @BeforeAll
    static void start() {
        replicas = ServiceReplicas.start(AnswerServiceApplication.class, "answer2", 2,
                "assistant.kb.sync-interval=2s", "assistant.notify.check-interval=1s");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    private static String entryOf(int replica, String question) {
        Map<?, ?> body = replicas.web(replica).post().uri("/api/answers/preview").bodyValue(Map.of("text", question))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return "MATCHED".equals(body.get("decision")) ? (String) body.get("entryId") : null;
    }

    private static void answeredByBothWithinASecond(String question, String entryId) {
        await().atMost(SECOND).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
            assertThat(entryOf(0, question)).isEqualTo(entryId);
            assertThat(entryOf(1, question)).isEqualTo(entryId);
        });
    }

    private static KbEntryPublished published(String id, String question, String phrasing) {
        return KbEntryPublished.of(id, 1, "doc-list", question, List.of(phrasing),
                "Нет, такой документ не входит в перечень.", "ч. 6.2 ст. 47 № 273-ФЗ",
                KbEntryPublished.Audience.ALL, "federal", null);
    }

    @Test
    void publishedEventReachesBothReplicasWithinASecond() {
        // warm-up: one replica of the group owns the partition and has applied an entry (both then have it)
        String warmUp = "Нужно ли учителю вести журнал учёта выдачи мела для смотра-конкурса?";
        replicas.publish(Topics.KB_ENTRY_PUBLISHED, published("op-chalk", warmUp, "журнал выдачи мела"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(entryOf(0, warmUp)).isEqualTo("op-chalk");
            assertThat(entryOf(1, warmUp)).isEqualTo("op-chalk");
        });

        String question = "Нужно ли учителю составлять паспорт учебного кабинета для смотра-конкурса?";
        assertThat(entryOf(0, question)).isNull();
        assertThat(entryOf(1, question)).isNull();
        replicas.publish(Topics.KB_ENTRY_PUBLISHED, published("op-cabinet", question, "паспорт учебного кабинета"));
        answeredByBothWithinASecond(question, "op-cabinet");
    }

    @Test
    void adminChangesOnOneReplicaReachTheOtherWithinASecond() {
        String question = "Обязан ли учитель вести тетрадь взаимопосещения уроков?";
        assertThat(entryOf(1, question)).isNull();
        Map<String, Object> body = Map.of("id", "mutual-visits", "topic", "lesson-plans", "question", question,
                "phrasings", List.of("тетрадь взаимопосещения уроков"),
                "answer", "Нет. Такой тетради нет в перечне документов учителя.",
                "legalBasis", "ч. 6.2 ст. 47 № 273-ФЗ", "audience", List.of("SCHOOL", "SPO"));
        replicas.web(0).post().uri("/api/kb/entries").headers(h -> h.setBearerAuth(EDITOR)).bodyValue(body)
                .exchange().expectStatus().isCreated();
        // verified on replica 0: both answer from it
        replicas.web(0).post().uri("/api/kb/entries/mutual-visits/verify").headers(h -> h.setBearerAuth(FEDERAL))
                .exchange().expectStatus().isOk();
        answeredByBothWithinASecond(question, "mutual-visits");

        // retired on replica 1: neither answers from it any more
        replicas.web(1).post().uri("/api/kb/entries/mutual-visits/retire").headers(h -> h.setBearerAuth(FEDERAL))
                .exchange().expectStatus().isOk();
        answeredByBothWithinASecond(question, null);
    }

    @Test
    void aChangeWithoutNotificationIsCaughtUpByTheSafetyNet() {
        // a change whose notification nobody heard (as during a lost connection): written behind the service's back
        String question = "Должен ли учитель вести журнал проветривания кабинета?";
        assertThat(entryOf(0, question)).isNull();
        DatabaseClient db = replicas.bean(0, DatabaseClient.class);
        db.sql("""
                        insert into kb_entries (id, topic, question, phrasings, answer, legal_basis, audience, status,
                                                version)
                        values ('airing-log', 'doc-list', :q, '["журнал проветривания кабинета"]',
                                'Нет, такой журнал не входит в перечень.', '', 'ALL', 'VERIFIED', 1)""")
                .bind("q", question).then().block();
        // the poll (every 2 s here) compares versions with the database
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(entryOf(0, question)).isEqualTo("airing-log");
            assertThat(entryOf(1, question)).isEqualTo("airing-log");
        });
    }
}
