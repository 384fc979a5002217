package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.AppealSla;
import ru.rosobr.assistant.contracts.events.AppealSla.Stage;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.operator.auth.AuthService;
import ru.rosobr.assistant.platform.security.JwtSupport;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.TestJwt;

class OperatorServiceIT extends OperatorTestBase {

    // ---- auth ------------------------------------------------------------------------------------------------

    @Test
    void loginIssuesATokenTheConsoleAccepts() {
        web.post().uri("/api/auth/login").bodyValue(Map.of("username", "operator58", "password", "demo"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accessToken").isNotEmpty()
                .jsonPath("$.expiresIn").isEqualTo(600)
                .jsonPath("$.refreshToken").isNotEmpty()
                .jsonPath("$.passwordChangeRequired").isEqualTo(false)
                .jsonPath("$.username").isEqualTo("operator58")
                .jsonPath("$.roles[0]").isEqualTo("OPERATOR")
                .jsonPath("$.region").isEqualTo("58")
                .jsonPath("$.regionName").isEqualTo("Пензенская область");

        String token = login("operator58");
        // what every other service does: verify against this service's published keys
        var jwt = JwtSupport.decoder(web.get().uri("/actuator/health").exchange().returnResult(String.class)
                .getUrl().resolve(JwtSupport.JWKS_PATH).toString()).decode(token).block();
        assertThat(jwt.getSubject()).isEqualTo("operator58");
        assertThat(jwt.getClaimAsStringList(JwtSupport.ROLES)).containsExactly("OPERATOR");

        get(token, "/api/auth/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.username").isEqualTo("operator58")
                .jsonPath("$.region").isEqualTo("58");
        get(login("federal"), "/api/auth/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.roles[0]").isEqualTo("FEDERAL")
                .jsonPath("$.region").doesNotExist();
    }

    @Test
    void wrongPasswordOrUnknownUserGets401WithAReason() {
        web.post().uri("/api/auth/login").bodyValue(Map.of("username", "operator58", "password", "wrong"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo(AuthService.REFUSED)
                .jsonPath("$.accessToken").doesNotExist();
        web.post().uri("/api/auth/login").bodyValue(Map.of("username", "nobody", "password", "demo"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo(AuthService.REFUSED);
        web.post().uri("/api/auth/login").bodyValue(Map.of("username", "operator58"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Укажите логин и пароль");
        web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\":")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Некорректный запрос: проверьте JSON и параметры");
    }

    @Test
    void consoleNeedsAValidTokenAndAConsoleRole() {
        web.get().uri("/api/console/appeals").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Требуется вход: нет действительного токена доступа");
        web.get().uri("/api/console/appeals").header("Authorization", "Bearer garbage.token.here").exchange()
                .expectStatus().isUnauthorized();
        web.post().uri("/api/console/appeals/" + UUID.randomUUID() + "/replies").bodyValue(Map.of("text", "x"))
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
        get(login("kbeditor"), "/api/console/appeals").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("Недостаточно прав для этого действия");
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    // ---- region isolation ------------------------------------------------------------------------------------

    @Test
    void appealOfRegion58IsVisibleToRegion58AndFederalOnly() {
        String op58 = login("operator58");
        String op33 = login("operator33");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());

        get(op58, "/api/console/appeals?size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].status").isEqualTo("NEW")
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].teacherFio").isEqualTo("Кузнецова Ольга Викторовна")
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].text").isEqualTo(e.text())
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].region").isEqualTo("58")
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].createdAt").isEqualTo("2025-03-03T07:15:00Z");
        get(login("head58"), "/api/console/appeals?size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].status").isEqualTo("NEW");
        get(login("federal"), "/api/console/appeals?region=58&size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].status").isEqualTo("NEW");

        // operator33: not in the list, and every endpoint answers as for an unknown appeal
        get(op33, "/api/console/appeals?size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')]").doesNotExist()
                .jsonPath("$[?(@.region == '58')]").doesNotExist();
        get(op33, "/api/console/appeals?region=58").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        get(op33, "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Обращение не найдено");
        post(op33, "/api/console/appeals/" + e.appealId() + "/replies", Map.of("text", "Чужой ответ"))
                .exchange().expectStatus().isNotFound();
        post(op33, "/api/console/appeals/" + e.appealId() + "/judgement", Map.of("verdict", "WRONG"))
                .exchange().expectStatus().isNotFound();
        post(op33, "/api/console/appeals/" + e.appealId() + "/escalate", Map.of("reason", "Не наш регион"))
                .exchange().expectStatus().isNotFound();
        // a token of region 33 made by hand does no better
        String forged33 = TestJwt.token("operator33", List.of("OPERATOR"), "33");
        get(forged33, "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isNotFound();

        // nothing was changed by the refused attempts
        get(op58, "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("NEW")
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.timeline[?(@.kind == 'OPERATOR_REPLY')]").doesNotExist();
    }

    @Test
    void cardShowsTheTeacherTheQuestionTheAiCandidateAndTheRouting() {
        String op58 = login("operator58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        get(op58, "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.teacherFio").isEqualTo("Кузнецова Ольга Викторовна")
                .jsonPath("$.orgType").isEqualTo("SCHOOL")
                .jsonPath("$.regionName").isEqualTo("Пензенская область")
                .jsonPath("$.regionZone").isEqualTo("Europe/Moscow")
                .jsonPath("$.assignedOperator").isEqualTo("operator58")
                .jsonPath("$.aiAnswer").isEqualTo("Кандидат ответа из базы знаний")
                .jsonPath("$.aiScore").isEqualTo(0.37)
                .jsonPath("$.timeline[0].kind").isEqualTo("TEACHER_QUESTION")
                .jsonPath("$.timeline[0].text").isEqualTo(e.text())
                .jsonPath("$.timeline[1].kind").isEqualTo("AI_CANDIDATE")
                .jsonPath("$.timeline[2].kind").isEqualTo("SYSTEM")
                .jsonPath("$.timeline[2].text").isEqualTo("Назначено оператору operator58.");
    }

    // ---- replies ---------------------------------------------------------------------------------------------

    @Test
    void replyIsStoredAndPublishedForTheTeacher() {
        String op58 = login("operator58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());

        String text = "Нет, еженедельный отчёт не требуется: достаточно журнала посещаемости.";
        Map<?, ?> reply = post(op58, "/api/console/appeals/" + e.appealId() + "/replies", Map.of("text", text))
                .exchange().expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(reply.get("text")).isEqualTo(text);
        assertThat(reply.get("operatorId")).isEqualTo("operator58");
        assertThat(reply.get("appealStatus")).isEqualTo("ANSWERED");
        String replyId = (String) reply.get("id");

        OperatorReplied published = KafkaProbe.await(Topics.OPERATOR_REPLIED,
                r -> r.appealId().equals(e.appealId()), WAIT);
        assertThat(published.replyId()).hasToString(replyId);
        assertThat(published.text()).isEqualTo(text);
        assertThat(published.operatorId()).isEqualTo("operator58");
        assertThat(published.teacherId()).isEqualTo(e.teacherId());
        assertThat(published.region()).isEqualTo("58");

        get(op58, "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ANSWERED")
                .jsonPath("$.timeline[?(@.kind == 'OPERATOR_REPLY')].text").isEqualTo(text);
        get(op58, "/api/console/appeals?status=ANSWERED&size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].status").isEqualTo("ANSWERED");
        get(op58, "/api/console/appeals?status=NEW&size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')]").doesNotExist();
        get(login("head58"), "/api/console/audit?appealId=" + e.appealId()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].action").isEqualTo("REPLY")
                .jsonPath("$[0].actor").isEqualTo("operator58");
        get(op58, "/api/console/audit").exchange().expectStatus().isForbidden();
    }

    @Test
    void badRepliesAreRefusedWithAReasonAndNothingIsSent() {
        String op58 = login("operator58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId() + "/replies";

        post(op58, uri, Map.of("text", "")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Текст ответа не может быть пустым");
        post(op58, uri, Map.of("text", "   \n ")).exchange().expectStatus().isBadRequest();
        post(op58, uri, Map.of()).exchange().expectStatus().isBadRequest();
        post(op58, uri, Map.of("text", "а".repeat(20_000))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("Ответ слишком длинный: 20000 символов, допускается не более 4000");
        web.post().uri(uri).header("Authorization", "Bearer " + op58).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\": ").exchange().expectStatus().isBadRequest();
        post(op58, "/api/console/appeals/" + UUID.randomUUID() + "/replies", Map.of("text", "Ответ"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Обращение не найдено");
        get(op58, "/api/console/appeals/" + UUID.randomUUID()).exchange().expectStatus().isNotFound();
        get(op58, "/api/console/appeals/not-a-uuid").exchange().expectStatus().isNotFound();
        get(op58, "/api/console/appeals?status=BOGUS").exchange().expectStatus().isBadRequest();

        // exactly 4000 characters is still fine
        post(op58, uri, Map.of("text", "б".repeat(4000))).exchange().expectStatus().isCreated();
        get(op58, "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.timeline[?(@.kind == 'OPERATOR_REPLY')].text").isEqualTo("б".repeat(4000));
        assertThat(KafkaProbe.awaitCount(Topics.OPERATOR_REPLIED, r -> r.appealId().equals(e.appealId()), 1, WAIT))
                .hasSize(1);
        assertThat(KafkaProbe.all(Topics.OPERATOR_REPLIED, r -> r.appealId().equals(e.appealId()))).hasSize(1);
    }

    @Test
    void secondReplyAgainstAStaleVersionIsToldAndTheFirstIsKept() {
        String op58 = login("operator58");
        String head58 = login("head58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        long seen = version(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId() + "/replies";

        post(op58, uri, Map.of("text", "Первый ответ", "version", seen)).exchange().expectStatus().isCreated();
        post(head58, uri, Map.of("text", "Второй ответ", "version", seen)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .startsWith("Обращение уже изменил другой сотрудник"));

        get(op58, "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.timeline[?(@.kind == 'OPERATOR_REPLY')].text").isEqualTo("Первый ответ")
                .jsonPath("$.version").isEqualTo(seen + 1);
        // with the fresh version the second one goes through
        post(head58, uri, Map.of("text", "Второй ответ", "version", seen + 1)).exchange().expectStatus().isCreated();
    }

    // ---- judgement, escalation, overdue ----------------------------------------------------------------------

    @Test
    void judgingTheAiAnswerIsPublished() {
        String op58 = login("operator58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId() + "/judgement";

        post(op58, uri, Map.of("verdict", "MAYBE")).exchange().expectStatus().isBadRequest();
        post(op58, uri, Map.of("verdict", "PARTIAL", "comment", "Не указан срок хранения"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.verdict").isEqualTo("PARTIAL");
        AiJudged judged = KafkaProbe.await(Topics.AI_JUDGED, j -> j.appealId().equals(e.appealId()), WAIT);
        assertThat(judged.verdict()).isEqualTo(AiJudged.Verdict.PARTIAL);
        assertThat(judged.operatorId()).isEqualTo("operator58");
        assertThat(judged.comment()).isEqualTo("Не указан срок хранения");
    }

    @Test
    void escalationHandsTheAppealToFederalStaff() {
        String op58 = login("operator58");
        String federal = login("federal");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId();

        post(op58, uri + "/escalate", Map.of("reason", " ")).exchange().expectStatus().isBadRequest();
        post(federal, uri + "/escalate", Map.of("reason", "Сами себе")).exchange().expectStatus().isForbidden();
        post(op58, uri + "/escalate", Map.of("reason", "Нужна позиция Рособрнадзора"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("FEDERAL");
        AppealEscalated escalated = KafkaProbe.await(Topics.APPEAL_ESCALATED,
                x -> x.appealId().equals(e.appealId()), WAIT);
        assertThat(escalated.escalatedBy()).isEqualTo("operator58");
        assertThat(escalated.reason()).isEqualTo("Нужна позиция Рособрнадзора");

        post(op58, uri + "/escalate", Map.of("reason", "Ещё раз")).exchange().expectStatus().isEqualTo(409);
        post(op58, uri + "/replies", Map.of("text", "Отвечу сам")).exchange().expectStatus().isEqualTo(409);
        get(federal, "/api/console/appeals?status=FEDERAL&size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].status").isEqualTo("FEDERAL")
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].escalationReason")
                .isEqualTo("Нужна позиция Рособрнадзора");
        post(federal, uri + "/replies", Map.of("text", "Позиция Рособрнадзора: …")).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void overdueNoticeFlagsTheAppeal() {
        String op58 = login("operator58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        KafkaProbe.publish(Topics.APPEAL_OVERDUE, AppealOverdue.of(e.appealId(), "58",
                Instant.parse("2025-03-10T15:00:00Z")));
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                get(op58, "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.overdue").isEqualTo(true)
                        .jsonPath("$.status").isEqualTo("NEW")
                        .jsonPath("$.timeline[?(@.kind == 'SYSTEM')].text").value(texts ->
                                assertThat(texts.toString()).contains("до 10.03.2025 17:59")
                                        .contains("Руководитель региона уведомлён")));
        get(op58, "/api/console/appeals?overdue=true&size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].overdue").isEqualTo(true);
    }

    @Test
    void theDeadlineWarningAndTheAutomaticEscalationComeFromFollowup() {
        String op58 = login("operator58");
        String federal = login("federal");
        AppealAssigned e = assign("58", "operator58");
        AppealAssigned answered = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        awaitCard(op58, answered.appealId());
        String uri = "/api/console/appeals/" + e.appealId();
        // no deadline of its own: the console shows the one followup-service set, here after the appeal arrived
        assertThat(card(op58, e.appealId()).get("deadline")).isNull();
        AppealSla set = sla(e.appealId(), "58", e.teacherId(), Stage.DEADLINE_SET, e.occurredAt(), null);
        KafkaProbe.publish(Topics.APPEAL_SLA, set);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> get(op58, uri).exchange().expectBody()
                .jsonPath("$.deadline").isEqualTo(set.deadline().toString())
                .jsonPath("$.deadlineDay").isEqualTo(set.deadlineDay().toString())
                .jsonPath("$.deadlineWarning").isEqualTo(false));

        KafkaProbe.publish(Topics.APPEAL_SLA, sla(e.appealId(), "58", e.teacherId(), Stage.WARNING, e.occurredAt(),
                null));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> get(op58, uri).exchange().expectBody()
                .jsonPath("$.deadlineWarning").isEqualTo(true)
                .jsonPath("$.timeline[?(@.kind == 'SYSTEM')].text").value(texts ->
                        assertThat(texts.toString()).contains("Срок ответа истекает сегодня")));
        get(op58, "/api/console/appeals?size=200").exchange().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].deadlineWarning").isEqualTo(true);

        // answered in time: its escalation is not needed, whatever followup has not seen yet
        post(op58, "/api/console/appeals/" + answered.appealId() + "/replies", Map.of("text", "Ответ в срок"))
                .exchange().expectStatus().isCreated();
        AppealSla late = sla(answered.appealId(), "58", answered.teacherId(), Stage.ESCALATION_DUE,
                answered.occurredAt(), "Автоматически: нет ответа 2 рабочих дня после истечения срока");
        KafkaProbe.publish(Topics.APPEAL_SLA, late);

        String why = "Автоматически: нет ответа 2 рабочих дня после истечения срока (срок — до 10.03.2025)";
        KafkaProbe.publish(Topics.APPEAL_SLA, sla(e.appealId(), "58", e.teacherId(), Stage.ESCALATION_DUE,
                e.occurredAt(), why));
        AppealEscalated escalated = KafkaProbe.await(Topics.APPEAL_ESCALATED,
                x -> x.appealId().equals(e.appealId()), WAIT);
        assertThat(escalated.escalatedBy()).isEqualTo("system");
        assertThat(escalated.reason()).isEqualTo(why);
        get(federal, "/api/console/appeals?status=FEDERAL&size=200").exchange().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].escalationReason").isEqualTo(why);
        get(op58, uri).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("FEDERAL")
                .jsonPath("$.escalationReason").isEqualTo(why)
                .jsonPath("$.timeline[?(@.kind == 'ESCALATION')].text").value(texts ->
                        assertThat(texts.toString()).contains("автоматически"));

        awaitProcessed(late.eventId());
        assertThat(db.sql("select count(*) as n from outbox where topic = :t and payload like :a")
                .bind("t", Topics.APPEAL_ESCALATED.name()).bind("a", "%" + answered.appealId() + "%")
                .map((r, m) -> r.get("n", Long.class)).one().block()).isZero();
        get(op58, "/api/console/appeals/" + answered.appealId()).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("ANSWERED");
    }
}
