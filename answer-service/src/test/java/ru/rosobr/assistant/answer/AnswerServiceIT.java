package ru.rosobr.assistant.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.OutboxProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class AnswerServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "answer");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    ru.rosobr.assistant.answer.kb.internal.StarterKbSeeder seeder;

    private static AppealReceived received(String text) {
        return AppealReceived.of(UUID.randomUUID(), "58", "t-" + UUID.randomUUID(), Channel.WEBCHAT,
                "Иванова Мария Петровна", OrgType.SCHOOL, text, UUID.randomUUID());
    }

    @Test
    void coveredQuestionIsMatchedOnceEvenWhenRedelivered() {
        AppealReceived e = received("Нужно ли отдельно вести календарно-тематическое планирование?");
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e);
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e); // redelivery of the same event

        AnswerMatched matched = KafkaProbe.await(Topics.ANSWER_MATCHED, m -> m.appealId().equals(e.appealId()), WAIT);
        assertThat(matched.topic()).isEqualTo("ktp");
        assertThat(matched.answerText()).contains("рабочей программы");
        // the first copy's answer proves nothing of the second: wait until it was consumed and its output sent
        KafkaProbe.awaitConsumed("answer-service", Topics.APPEAL_RECEIVED, WAIT);
        OutboxProbe.awaitPublished(db, WAIT);

        Long decisions = db.sql("select count(*) as n from match_decisions where appeal_id = :id")
                .bind("id", e.appealId()).map((r, m) -> r.get("n", Long.class)).one().block();
        assertThat(decisions).isEqualTo(1L);
        // stored for analysis: the score, the runner-up and the KB version the decision was made against
        Map<String, Object> row = db.sql("select decision, entry_id, score, runner_up_entry, runner_up_score, "
                        + "kb_version from match_decisions where appeal_id = :id")
                .bind("id", e.appealId()).fetch().one().block();
        assertThat(row).containsEntry("decision", "MATCHED").containsEntry("entry_id", "ktp-1");
        assertThat((Double) row.get("score")).isGreaterThan((Double) row.get("runner_up_score"));
        assertThat(row.get("runner_up_entry")).isNotNull().isNotEqualTo("ktp-1");
        assertThat((Long) row.get("kb_version")).isGreaterThanOrEqualTo(20L);
        assertThat(KafkaProbe.all(Topics.ANSWER_MATCHED, m -> m.appealId().equals(e.appealId()))).hasSize(1);
    }

    @Test
    void collegeTeacherGetsTheSpoEntry() {
        AppealReceived e = AppealReceived.of(UUID.randomUUID(), "58", "t-" + UUID.randomUUID(), Channel.WEBCHAT,
                "Петров Илья Сергеевич", OrgType.SPO, "Какие документы я обязан вести?", UUID.randomUUID());
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e);
        AnswerMatched matched = KafkaProbe.await(Topics.ANSWER_MATCHED, m -> m.appealId().equals(e.appealId()), WAIT);
        assertThat(matched.topic()).isEqualTo("spo-doc-list");

        // the same words from a school teacher get the school entry
        web.post().uri("/api/answers/preview")
                .bodyValue(Map.of("text", "Какие документы я обязан вести?", "orgType", "SCHOOL")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.topic").isEqualTo("doc-list");
    }

    @Test
    void aCorrectedStarterEntryReplacesOnlyAnUntouchedSeed() {
        // as if this base had been seeded from an older file: the stored starter entry says something else
        String id = "social-media-site-1";
        db.sql("update kb_entries set answer = 'старый ответ' where id = :id").bind("id", id).then().block();
        db.sql("update kb_entry_versions set answer = 'старый ответ' where entry_id = :id").bind("id", id).then()
                .block();
        seeder.seed().block(Duration.ofSeconds(30));
        String answer = db.sql("select answer from kb_entries where id = :id").bind("id", id)
                .map((r, m) -> r.get("answer", String.class)).one().block();
        assertThat(answer).contains("письменного согласия").doesNotContain("трудовом договоре");
        List<String> changes = db.sql("select change from kb_entry_versions where entry_id = :id order by version")
                .bind("id", id).map((r, m) -> r.get("change", String.class)).all().collectList().block();
        assertThat(changes).containsOnly("SEEDED").hasSizeGreaterThanOrEqualTo(2);
        // a seeding that finds nothing new adds no version
        seeder.seed().block(Duration.ofSeconds(30));
        assertThat(db.sql("select count(*) as n from kb_entry_versions where entry_id = :id").bind("id", id)
                .map((r, m) -> r.get("n", Long.class)).one().block()).isEqualTo(changes.size());
    }

    @Test
    void uncoveredQuestionIsRoutedWithItsSnapshot() {
        AppealReceived e = received("Какие документы нужны учителю для аттестации на высшую категорию?");
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e);
        AnswerUnmatched u = KafkaProbe.await(Topics.ANSWER_UNMATCHED, m -> m.appealId().equals(e.appealId()), WAIT);
        assertThat(u.text()).isEqualTo(e.text());
        assertThat(u.teacherFio()).isEqualTo("Иванова Мария Петровна");
        assertThat(u.region()).isEqualTo("58");
    }

    @Test
    void offTopicQuestionIsDeclined() {
        AppealReceived e = received("Как приготовить борщ со сметаной?");
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e);
        AppealOffTopic o = KafkaProbe.await(Topics.APPEAL_OFFTOPIC, m -> m.appealId().equals(e.appealId()), WAIT);
        assertThat(o.teacherId()).isEqualTo(e.teacherId());
    }

    @Test
    void publishedEntryAnswersTheNextQuestionWithinASecond() {
        // warm-up: the consumer of kb.entry.published has joined its group and applied an entry
        String warmUp = "Нужно ли учителю вести журнал учёта выдачи мела для смотра-конкурса?";
        KafkaProbe.publish(Topics.KB_ENTRY_PUBLISHED, KbEntryPublished.of("op-chalk-journal", 1, "doc-list",
                warmUp, List.of("журнал выдачи мела"), "Нет, такой документ не входит в перечень.",
                "ч. 6.2 ст. 47 № 273-ФЗ", KbEntryPublished.Audience.ALL, "federal", null));
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                web.post().uri("/api/answers/preview").bodyValue(Map.of("text", warmUp)).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.entryId").isEqualTo("op-chalk-journal"));

        String question = "Нужно ли учителю составлять паспорт учебного кабинета для смотра-конкурса?";
        web.post().uri("/api/answers/preview").bodyValue(Map.of("text", question)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.decision").isEqualTo("UNMATCHED");

        KafkaProbe.publish(Topics.KB_ENTRY_PUBLISHED, KbEntryPublished.of("op-cabinet-passport", 1, "doc-list",
                question, List.of("паспорт учебного кабинета"), "Нет, такой документ не входит в перечень.",
                "ч. 6.2 ст. 47 № 273-ФЗ", KbEntryPublished.Audience.ALL, "federal", null));

        // the promise: the next question matches within a second of publication
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> web.post().uri("/api/answers/preview").bodyValue(Map.of("text", question))
                        .exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.decision").isEqualTo("MATCHED")
                        .jsonPath("$.entryId").isEqualTo("op-cabinet-passport"));
    }

    @Test
    void previewRejectsMissingText() {
        web.post().uri("/api/answers/preview").bodyValue(Map.of("text", " ")).exchange()
                .expectStatus().isBadRequest();
        web.post().uri("/api/answers/preview").header("Content-Type", "application/json").bodyValue("{not json")
                .exchange().expectStatus().isBadRequest();
    }

    // KB administration API (same context: one consumer group per service in this JVM)
    private static final String KB_QUESTION = "Обязан ли учитель вести тетрадь взаимопосещения уроков?";
    private static final String EDITOR = TestJwt.token("editor1", List.of("KB_EDITOR"), null);
    private static final String FEDERAL = TestJwt.token("fed1", List.of("FEDERAL"), null);

    private WebTestClient.BodyContentSpec preview() {
        return web.post().uri("/api/answers/preview").bodyValue(Map.of("text", KB_QUESTION)).exchange()
                .expectStatus().isOk().expectBody();
    }

    @Test
    void onlyKbRolesMayChangeTheBaseAndOperatorsMayRead() {
        web.get().uri("/api/kb/entries").exchange().expectStatus().isUnauthorized();
        // only operator-service's key is trusted: the same token signed with any other key is refused
        web.get().uri("/api/kb/entries").headers(h -> h.setBearerAuth(TestJwt.foreignToken("ed", List.of("KB_EDITOR"),
                null))).exchange().expectStatus().isUnauthorized();
        String operator = TestJwt.token("op", List.of("OPERATOR"), "58");
        web.get().uri("/api/kb/entries?q=КТП").headers(h -> h.setBearerAuth(operator))
                .exchange().expectStatus().isOk();
        web.post().uri("/api/kb/entries").headers(h -> h.setBearerAuth(operator))
                .bodyValue(Map.of("id", "x", "topic", "ktp", "question", "q", "answer", "a"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/kb/entries").headers(h -> h.setBearerAuth(TestJwt.token("u", List.of("KB_NOBODY"), null)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/kb/entries?status=VERIFIED").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").value(n -> assertThat((Integer) n)
                        .isGreaterThanOrEqualTo(20));
    }

    @Test
    void entryAnswersOnlyWhileVerified() {
        preview().jsonPath("$.decision").isEqualTo("UNMATCHED");

        Map<String, Object> body = Map.of("id", "mutual-visits", "topic", "lesson-plans", "question", KB_QUESTION,
                "phrasings", List.of("тетрадь взаимопосещения уроков"),
                "answer", "Нет. Такой тетради нет в перечне документов учителя. Основание: ч. 6.2 ст. 47 № 273-ФЗ.",
                "legalBasis", "ч. 6.2 ст. 47 № 273-ФЗ", "audience", List.of("SCHOOL", "SPO"));
        web.post().uri("/api/kb/entries").headers(h -> h.setBearerAuth(EDITOR)).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT").jsonPath("$.version").isEqualTo(1);
        web.post().uri("/api/kb/entries").headers(h -> h.setBearerAuth(EDITOR)).bodyValue(body).exchange()
                .expectStatus().isEqualTo(409);
        preview().jsonPath("$.decision").isEqualTo("UNMATCHED"); // a draft answers nobody

        // four eyes: the author may not verify his own version
        web.post().uri("/api/kb/entries/mutual-visits/verify").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/kb/entries/mutual-visits/verify").headers(h -> h.setBearerAuth(FEDERAL))
                .bodyValue(Map.of("version", 1)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("VERIFIED").jsonPath("$.verifiedBy").isEqualTo("fed1");
        preview().jsonPath("$.decision").isEqualTo("MATCHED").jsonPath("$.entryId").isEqualTo("mutual-visits");

        // an edit from a stale version is refused; a proper edit is a new draft, out of automatic answers
        Map<String, Object> edited = new java.util.HashMap<>(body);
        edited.put("version", 1);
        web.put().uri("/api/kb/entries/mutual-visits").headers(h -> h.setBearerAuth(EDITOR)).bodyValue(edited)
                .exchange().expectStatus().isEqualTo(409);
        edited.put("version", 2);
        edited.put("answer", "Нет, не обязан: такой тетради нет в перечне. Основание: ч. 6.2 ст. 47 № 273-ФЗ.");
        web.put().uri("/api/kb/entries/mutual-visits").headers(h -> h.setBearerAuth(EDITOR)).bodyValue(edited)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT").jsonPath("$.version").isEqualTo(3);
        preview().jsonPath("$.entryId").doesNotExist();

        web.post().uri("/api/kb/entries/mutual-visits/verify").headers(h -> h.setBearerAuth(FEDERAL)).exchange()
                .expectStatus().isOk();
        preview().jsonPath("$.entryId").isEqualTo("mutual-visits");
        web.post().uri("/api/kb/entries/mutual-visits/retire").headers(h -> h.setBearerAuth(FEDERAL)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETIRED");
        preview().jsonPath("$.decision").isEqualTo("UNMATCHED");
        // restored: back in the status it had before retirement (verified), answering with the same text
        web.post().uri("/api/kb/entries/mutual-visits/restore").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("VERIFIED");
        preview().jsonPath("$.entryId").isEqualTo("mutual-visits")
                .jsonPath("$.answer").isEqualTo(edited.get("answer"));
        web.post().uri("/api/kb/entries/mutual-visits/restore").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isEqualTo(409);
        web.post().uri("/api/kb/entries/mutual-visits/retire").headers(h -> h.setBearerAuth(FEDERAL)).exchange()
                .expectStatus().isOk();

        web.get().uri("/api/kb/entries/mutual-visits/versions").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(7)
                .jsonPath("$[5].change").isEqualTo("RESTORED")
                .jsonPath("$[0].change").isEqualTo("CREATED").jsonPath("$[0].changedBy").isEqualTo("editor1")
                .jsonPath("$[1].change").isEqualTo("VERIFIED").jsonPath("$[1].changedBy").isEqualTo("fed1")
                .jsonPath("$[4].change").isEqualTo("RETIRED");
        // every change (not the refused ones) is in the console's audit log once, with who made it, in order
        KafkaProbe.await(Topics.AUDIT_ANSWER, a -> a.details().startsWith("запись mutual-visits v7 "), WAIT);
        assertThat(KafkaProbe.all(Topics.AUDIT_ANSWER, a -> a.details().startsWith("запись mutual-visits ")))
                .extracting(a -> a.actor() + " " + a.action())
                .containsExactly("editor1 KB_ENTRY_CREATED", "fed1 KB_ENTRY_VERIFIED", "editor1 KB_ENTRY_EDITED",
                        "fed1 KB_ENTRY_VERIFIED", "fed1 KB_ENTRY_RETIRED", "editor1 KB_ENTRY_RESTORED",
                        "fed1 KB_ENTRY_RETIRED");
        web.get().uri("/api/kb/entries?q=взаимопосещения").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo("mutual-visits");
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        web.post().uri("/api/kb/entries").headers(h -> h.setBearerAuth(EDITOR))
                .bodyValue(Map.of("topic", "doc-list", "question", " ", "answer", "x")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo(
                        "Укажите основной вопрос (question)");
        web.post().uri("/api/kb/entries/no-such-entry/retire").headers(h -> h.setBearerAuth(FEDERAL)).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/kb/entries?status=LOST").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isBadRequest();
    }
}
