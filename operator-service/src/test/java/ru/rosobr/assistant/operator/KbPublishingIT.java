package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.OutboxProbe;

/** Publishing to the knowledge base: an operator's draft, verified by a KB editor → {@code kb.entry.published}. */
class KbPublishingIT extends OperatorTestBase {

    @Test
    void operatorsDraftVerifiedByTheKbEditorIsPublished() {
        String op58 = login("operator58");
        String editor = login("kbeditor");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId();
        String reply = "Нет. Еженедельный отчёт о посещаемости кружка не входит в перечень документов педагога.";
        post(op58, uri + "/replies", Map.of("text", reply)).exchange().expectStatus().isCreated();

        Map<?, ?> draft = post(op58, uri + "/kb-drafts", Map.of(
                "topic", "reports", "audience", "SCHOOL",
                "phrasings", List.of("Нужен ли отчёт о посещаемости кружка?", " ", "Нужен ли отчёт о посещаемости кружка?"),
                "legalBasis", "ч. 6.1 ст. 47 Федерального закона № 273-ФЗ"))
                .exchange().expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) draft.get("id");
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat(draft.get("question")).isEqualTo(e.text()); // taken from the appeal
        assertThat(draft.get("answer")).isEqualTo(reply);      // and from the latest reply
        assertThat(draft.get("phrasings").toString()).isEqualTo("[Нужен ли отчёт о посещаемости кружка?]");
        assertThat(draft.get("region")).isEqualTo("58");

        get(op58, "/api/console/kb-drafts?status=DRAFT").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].author").isEqualTo("operator58");
        post(op58, "/api/console/kb-drafts/" + id + "/verify", Map.of()).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "Проверять и публиковать ответы в базе знаний может редактор базы знаний или федеральный "
                                + "специалист");
        // the KB editor works drafts, not appeals
        get(editor, "/api/console/appeals").exchange().expectStatus().isForbidden();
        get(editor, "/api/console/kb-drafts?status=DRAFT").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].status").isEqualTo("DRAFT");

        String edited = reply + " Основание: приказ Минпросвещения № 779.";
        post(editor, "/api/console/kb-drafts/" + id + "/verify", Map.of("answer", edited)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PUBLISHED")
                .jsonPath("$.entryId").isEqualTo("op-" + id)
                .jsonPath("$.reviewedBy").isEqualTo("kbeditor");

        KbEntryPublished published = KafkaProbe.await(Topics.KB_ENTRY_PUBLISHED,
                p -> p.entryId().equals("op-" + id), WAIT);
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.verifiedBy()).isEqualTo("kbeditor");
        assertThat(published.appealId()).isEqualTo(e.appealId());
        assertThat(published.answer()).isEqualTo(edited);
        assertThat(published.question()).isEqualTo(e.text());
        assertThat(published.topic()).isEqualTo("reports");
        assertThat(published.audience()).isEqualTo(KbEntryPublished.Audience.SCHOOL);
        assertThat(published.phrasings()).containsExactly("Нужен ли отчёт о посещаемости кружка?");
        assertThat(published.legalBasis()).isEqualTo("ч. 6.1 ст. 47 Федерального закона № 273-ФЗ");

        post(editor, "/api/console/kb-drafts/" + id + "/verify", Map.of()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Черновик уже опубликован (op-" + id + ")");
        get(op58, uri).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.timeline[?(@.kind == 'SYSTEM')].text").value(texts ->
                        assertThat(texts.toString()).contains("Ответ опубликован в базе знаний: op-" + id));
        get(login("federal"), "/api/console/audit?appealId=" + e.appealId()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.action == 'KB_PUBLISH')].actor").isEqualTo("kbeditor")
                .jsonPath("$[?(@.action == 'KB_DRAFT')].actor").isEqualTo("operator58");
        // a second publication by the refused verify would be in the outbox: wait until it would be on the topic
        OutboxProbe.awaitPublished(db, WAIT);
        assertThat(KafkaProbe.all(Topics.KB_ENTRY_PUBLISHED, p -> p.entryId().equals("op-" + id))).hasSize(1);
    }

    @Test
    void badDraftsAreRefusedAndARejectedDraftIsNotPublished() {
        String op58 = login("operator58");
        String federal = login("federal");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId() + "/kb-drafts";

        post(op58, uri, Map.of()).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Укажите ответ: у обращения ещё нет ответа оператора");
        post(op58, uri, Map.of("topic", " ", "answer", "Ответ")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Укажите тему записи базы знаний");
        post(op58, uri, Map.of("answer", "Ответ", "audience", "UNIVERSITY")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "Неизвестная аудитория: UNIVERSITY. Допустимые: ALL, SCHOOL, SPO, DOO");
        post(op58, uri, Map.of("answer", "о".repeat(4001))).exchange().expectStatus().isBadRequest();
        post(login("admin"), uri, Map.of("answer", "Ответ")).exchange().expectStatus().isForbidden();
        post(op58, "/api/console/appeals/not-an-id/kb-drafts", Map.of("answer", "Ответ")).exchange()
                .expectStatus().isNotFound();

        Map<?, ?> draft = post(op58, uri, Map.of("answer", "Сомнительный ответ")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) draft.get("id");
        assertThat(draft.get("topic")).isEqualTo("reports"); // the AI's topic when none is given
        assertThat(draft.get("audience")).isEqualTo("ALL");
        post(federal, "/api/console/kb-drafts/" + id + "/reject", Map.of("reason", " ")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo("Укажите причину отклонения");
        post(federal, "/api/console/kb-drafts/" + id + "/reject", Map.of("reason", "Нет правового основания"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REJECTED")
                .jsonPath("$.rejectReason").isEqualTo("Нет правового основания");
        post(federal, "/api/console/kb-drafts/" + id + "/verify", Map.of()).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Черновик уже отклонён");
        get(op58, "/api/console/kb-drafts?status=REJECTED").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].rejectReason").isEqualTo("Нет правового основания");
        get(op58, "/api/console/kb-drafts?status=WHATEVER").exchange().expectStatus().isBadRequest();
        get(op58, "/api/console/kb-drafts/" + java.util.UUID.randomUUID()).exchange().expectStatus().isNotFound();
        // what the requests emitted is in the outbox at once, on the topic only once the relay sent it
        OutboxProbe.awaitPublished(db, WAIT);
        assertThat(KafkaProbe.all(Topics.KB_ENTRY_PUBLISHED, p -> p.entryId().equals("op-" + id))).isEmpty();
    }
}
