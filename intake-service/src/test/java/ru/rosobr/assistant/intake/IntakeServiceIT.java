package ru.rosobr.assistant.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealSla;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.OutboxProbe;

/** The web chat end to end through the real broker and the real database; the test plays followup-service. */
class IntakeServiceIT extends IntakeTestBase {

    private static final String FIO = "Иванова Мария Петровна";

    record View(UUID id, String direction, String text, List<Button> buttons, String at, UUID appealId) {
    }

    // ---------- helpers ----------

    private static String newTeacher() {
        return "web-" + UUID.randomUUID();
    }

    private Map<String, Object> post(String webTeacherId, String region, String text) {
        return web.post().uri("/api/webchat/messages")
                .bodyValue(Map.of("teacherId", webTeacherId, "fio", FIO, "region", region, "orgType", "SCHOOL",
                        "text", text))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
    }

    /** Asks a question and waits for its appeal.received: the teacher's intake id and the appeal. */
    private AppealReceived ask(String webTeacherId, String text) {
        Map<String, Object> accepted = post(webTeacherId, "58", text);
        UUID messageId = UUID.fromString((String) accepted.get("messageId"));
        return KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> messageId.equals(e.messageId()), WAIT);
    }

    private List<View> messages(String webTeacherId) {
        return web.get().uri("/api/webchat/teachers/{id}/messages", webTeacherId).exchange()
                .expectStatus().isOk()
                .expectBodyList(View.class).returnResult().getResponseBody();
    }

    private static List<Button> ratingButtons(UUID appealId) {
        return List.of(new Button("1", "rate:" + appealId + ":1"), new Button("2", "rate:" + appealId + ":2"),
                new Button("3", "rate:" + appealId + ":3"), new Button("4", "rate:" + appealId + ":4"),
                new Button("5", "rate:" + appealId + ":5"),
                new Button("Не помогло — передать специалисту", "human:" + appealId));
    }

    /** Plays followup-service: publishes an outbound message and waits until intake has delivered it. */
    private OutboundMessage deliver(AppealReceived appeal, Kind kind, String text, List<Button> buttons) {
        OutboundMessage m = OutboundMessage.of(appeal.teacherId(), appeal.region(), appeal.appealId(), kind, true,
                text, buttons);
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, m);
        KafkaProbe.await(Topics.OUTBOUND_DELIVERY, d -> d.messageId().equals(m.eventId()), WAIT);
        return m;
    }

    private Map<String, Object> press(String webTeacherId, String payload) {
        return web.post().uri("/api/webchat/callbacks")
                .bodyValue(Map.of("teacherId", webTeacherId, "payload", payload))
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
    }

    private long outboxRows(String topic, UUID appealId) {
        return db.sql("select count(*) as n from outbox where topic = :topic and record_key = :key")
                .bind("topic", topic).bind("key", appealId.toString())
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }

    private String appealState(UUID appealId) {
        return db.sql("select state from appeals where appeal_id = :id").bind("id", appealId)
                .map((r, m) -> r.get("state", String.class)).one().block();
    }

    // ---------- tests ----------

    @Test
    void postedQuestionBecomesAppealReceived() {
        String teacher = newTeacher();
        String text = "Нужно ли отдельно вести календарно-тематическое планирование?";
        Map<String, Object> accepted = post(teacher, "58", text);
        UUID messageId = UUID.fromString((String) accepted.get("messageId"));

        AppealReceived e = KafkaProbe.await(Topics.APPEAL_RECEIVED, r -> messageId.equals(r.messageId()), WAIT);
        assertThat(e.text()).isEqualTo(text);
        assertThat(e.region()).isEqualTo("58");
        assertThat(e.channel()).isEqualTo(Channel.WEBCHAT);
        assertThat(e.teacherFio()).isEqualTo(FIO);
        assertThat(e.orgType()).isEqualTo(OrgType.SCHOOL);
        assertThat(e.appealId().toString()).isEqualTo(accepted.get("appealId"));
        assertThat(e.teacherId()).isNotBlank().isNotEqualTo(teacher);

        List<View> history = messages(teacher);
        assertThat(history).singleElement().satisfies(v -> {
            assertThat(v.direction()).isEqualTo("IN");
            assertThat(v.text()).isEqualTo(text);
            assertThat(v.id()).isEqualTo(messageId);
            assertThat(v.buttons()).isEmpty();
            assertThat(v.at()).isNotBlank();
        });
        assertThat(appealState(e.appealId())).isEqualTo("OPEN");

        // the same web chat teacher keeps one intake id; every web chat message is a new appeal
        AppealReceived second = ask(teacher, "Сколько хранить журнал инструктажей?");
        assertThat(second.teacherId()).isEqualTo(e.teacherId());
        assertThat(second.appealId()).isNotEqualTo(e.appealId());
    }

    @Test
    void malformedJsonIsRejectedWithAReason() {
        web.post().uri("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).startsWith("Некорректный JSON"));
        web.post().uri("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).startsWith("Некорректный JSON"));
        web.post().uri("/api/webchat/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue("[1,")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).startsWith("Некорректный JSON"));
    }

    @Test
    void invalidFieldsAreRejectedAndNothingIsStored() {
        String teacher = newTeacher();
        Map<String, String> valid = Map.of("teacherId", teacher, "fio", FIO, "region", "58", "orgType", "SPO",
                "text", "Вопрос");
        record Case(String field, Object value, String reasonPart) {
        }
        List<Case> cases = List.of(
                new Case("region", "99", "Неизвестный код региона"),
                new Case("region", "", "Не указан регион"),
                new Case("orgType", "UNIVERSITY", "SCHOOL, SPO или DOO"),
                new Case("teacherId", " ", "teacherId"),
                new Case("teacherId", "x".repeat(101), "100"),
                new Case("fio", "", "ФИО"),
                new Case("text", "   ", "пуст"),
                new Case("text", "я".repeat(4001), "4000"));
        for (Case c : cases) {
            var body = new java.util.HashMap<String, Object>(valid);
            body.put(c.field(), c.value());
            web.post().uri("/api/webchat/messages").bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").value(String.class,
                            detail -> assertThat(detail).as(c.field() + "=" + c.value()).contains(c.reasonPart()));
        }
        assertThat(messages(teacher)).isEmpty();

        // the limit itself is accepted
        var longest = new java.util.HashMap<String, Object>(valid);
        longest.put("text", "я".repeat(4000));
        web.post().uri("/api/webchat/messages").bodyValue(longest).exchange().expectStatus().isAccepted();
    }

    @Test
    void outboundMessageIsShownWithItsButtonsAndReportedDelivered() {
        String teacher = newTeacher();
        AppealReceived appeal = ask(teacher, "Нужно ли вести план воспитательной работы?");
        OutboundMessage answer = OutboundMessage.of(appeal.teacherId(), "58", appeal.appealId(), Kind.AI_ANSWER,
                true, "Нет, отдельный план не требуется.", ratingButtons(appeal.appealId()));
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, answer);

        OutboundDelivery delivery = KafkaProbe.await(Topics.OUTBOUND_DELIVERY,
                d -> d.messageId().equals(answer.eventId()), WAIT);
        assertThat(delivery.status()).isEqualTo(OutboundDelivery.Status.DELIVERED);
        assertThat(delivery.channel()).isEqualTo(Channel.WEBCHAT);
        assertThat(delivery.teacherId()).isEqualTo(appeal.teacherId());
        assertThat(delivery.appealId()).isEqualTo(appeal.appealId());

        List<View> history = messages(teacher);
        assertThat(history).extracting(View::direction).containsExactly("IN", "OUT");
        View out = history.get(1);
        assertThat(out.text()).isEqualTo("Нет, отдельный план не требуется.");
        assertThat(out.appealId()).isEqualTo(appeal.appealId());
        assertThat(out.buttons()).containsExactlyElementsOf(ratingButtons(appeal.appealId()));
        assertThat(appealState(appeal.appealId())).isEqualTo("ANSWERED_AI");
    }

    @Test
    void theSameOutboundMessageTwiceIsShownOnce() {
        String teacher = newTeacher();
        AppealReceived appeal = ask(teacher, "Какие отчёты сдаёт классный руководитель?");
        OutboundMessage status = OutboundMessage.of(appeal.teacherId(), "58", appeal.appealId(), Kind.STATUS, true,
                "Ваш вопрос передан специалисту вашего региона, срок ответа — до 20.05.", List.of());
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, status);
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, status);
        // same teacher = same key = same partition: once this one is delivered, both copies were handled
        OutboundMessage after = deliver(appeal, Kind.OPERATOR_REPLY, "Ответ специалиста.", List.of());

        assertThat(messages(teacher)).extracting(View::text).containsExactly(appeal.text(), status.text(),
                after.text());
        assertThat(KafkaProbe.all(Topics.OUTBOUND_DELIVERY, d -> d.messageId().equals(status.eventId())))
                .hasSize(1);
        assertThat(appealState(appeal.appealId())).isEqualTo("ANSWERED");
    }

    @Test
    void ratingIsEmittedOncePerAnswer() {
        String teacher = newTeacher();
        AppealReceived appeal = ask(teacher, "Нужно ли учителю писать самоанализ урока?");
        deliver(appeal, Kind.AI_ANSWER, "Нет, не нужно.", ratingButtons(appeal.appealId()));

        assertThat(press(teacher, "rate:" + appeal.appealId() + ":4"))
                .containsEntry("reply", "Спасибо за оценку!").containsEntry("accepted", true);
        assertThat(press(teacher, "rate:" + appeal.appealId() + ":2"))
                .containsEntry("reply", "Вы уже оценили этот ответ. Спасибо!").containsEntry("accepted", false);

        AppealRated rated = KafkaProbe.await(Topics.APPEAL_RATED, r -> r.appealId().equals(appeal.appealId()), WAIT);
        assertThat(rated.rating()).isEqualTo(4);
        assertThat(rated.region()).isEqualTo("58");
        assertThat(rated.teacherId()).isEqualTo(appeal.teacherId());
        assertThat(outboxRows(Topics.APPEAL_RATED.name(), appeal.appealId())).isEqualTo(1);
        assertThat(messages(teacher)).extracting(View::direction, View::text).endsWith(
                org.assertj.core.groups.Tuple.tuple("OUT", "Спасибо за оценку!"),
                org.assertj.core.groups.Tuple.tuple("OUT", "Вы уже оценили этот ответ. Спасибо!"));

        // a specialist's reply is a new answer: it can be rated in its turn
        deliver(appeal, Kind.OPERATOR_REPLY, "Ответ специалиста.", ratingButtons(appeal.appealId()).subList(0, 5));
        assertThat(press(teacher, "rate:" + appeal.appealId() + ":5")).containsEntry("accepted", true);
        List<AppealRated> ratings = KafkaProbe.awaitCount(Topics.APPEAL_RATED,
                r -> r.appealId().equals(appeal.appealId()), 2, WAIT);
        assertThat(ratings).extracting(AppealRated::rating).containsExactly(4, 5);
    }

    @Test
    void handOverEmitsHumanRequestedWithTheQuestionAndTheAiAnswer() {
        String teacher = newTeacher();
        AppealReceived appeal = ask(teacher, "Обязан ли учитель заполнять бумажный журнал вместе с электронным?");
        deliver(appeal, Kind.AI_ANSWER, "Нет, достаточно электронного журнала.", ratingButtons(appeal.appealId()));

        assertThat(press(teacher, "human:" + appeal.appealId()))
                .containsEntry("accepted", true)
                .hasEntrySatisfying("reply", r -> assertThat((String) r).startsWith("Передаём ваш вопрос специалисту"));
        assertThat(press(teacher, "human:" + appeal.appealId()))
                .containsEntry("accepted", false)
                .hasEntrySatisfying("reply", r -> assertThat((String) r).contains("уже передан"));

        HumanRequested h = KafkaProbe.await(Topics.HUMAN_REQUESTED, r -> r.appealId().equals(appeal.appealId()), WAIT);
        assertThat(h.text()).isEqualTo(appeal.text());
        assertThat(h.aiAnswer()).isEqualTo("Нет, достаточно электронного журнала.");
        assertThat(h.teacherFio()).isEqualTo(FIO);
        assertThat(h.orgType()).isEqualTo(OrgType.SCHOOL);
        assertThat(h.region()).isEqualTo("58");
        assertThat(h.receivedAt()).isEqualTo(appeal.occurredAt());
        assertThat(outboxRows(Topics.HUMAN_REQUESTED.name(), appeal.appealId())).isEqualTo(1);
        assertThat(messages(teacher)).extracting(View::text)
                .anySatisfy(t -> assertThat(t).startsWith("Передаём ваш вопрос специалисту"));
    }

    @Test
    void badCallbacksAreRejectedWithAReason() {
        String teacher = newTeacher();
        AppealReceived appeal = ask(teacher, "Нужно ли сдавать поурочные планы завучу?");
        String stranger = newTeacher();
        ask(stranger, "Какие документы нужны для аттестации?");
        deliver(appeal, Kind.AI_ANSWER, "Нет.", ratingButtons(appeal.appealId()));

        Map<String, String> cases = Map.of(
                "like:" + appeal.appealId(), "Неизвестная кнопка",
                "rate:" + appeal.appealId() + ":9", "от 1 до 5",
                "rate:not-a-uuid:3", "номер обращения",
                "rate:" + UUID.randomUUID() + ":3", "не найдено",
                "", "Пустое");
        cases.forEach((payload, reason) -> web.post().uri("/api/webchat/callbacks")
                .bodyValue(Map.of("teacherId", teacher, "payload", payload)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class,
                        d -> assertThat(d).as(payload).contains(reason)));

        // someone else's appeal reads as not found, and nothing is emitted for it
        web.post().uri("/api/webchat/callbacks")
                .bodyValue(Map.of("teacherId", stranger, "payload", "rate:" + appeal.appealId() + ":1")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("не найдено"));
        web.post().uri("/api/webchat/callbacks")
                .bodyValue(Map.of("teacherId", "never-wrote-" + UUID.randomUUID(), "payload",
                        "rate:" + appeal.appealId() + ":1")).exchange()
                .expectStatus().isBadRequest();
        assertThat(outboxRows(Topics.APPEAL_RATED.name(), appeal.appealId())).isZero();
    }

    @Test
    void outboundMessageToAnUnknownTeacherIsKeptAsFailed() {
        OutboundMessage m = OutboundMessage.of("nobody-" + UUID.randomUUID(), "58", UUID.randomUUID(), Kind.STATUS,
                true, "Кому-то", List.of());
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, m);
        OutboundDelivery d = KafkaProbe.await(Topics.OUTBOUND_DELIVERY, x -> x.messageId().equals(m.eventId()), WAIT);
        assertThat(d.status()).isEqualTo(OutboundDelivery.Status.FAILED);
        assertThat(d.reason()).contains("получатель неизвестен");
        String stored = db.sql("select status from outbound_deliveries where message_id = :id")
                .bind("id", m.eventId()).map((r, x) -> r.get("status", String.class)).one().block();
        assertThat(stored).isEqualTo("FAILED");
    }

    /** Plays followup-service: its word on an appeal's deadline, consumed by intake. */
    private void sla(AppealReceived appeal, AppealSla.Stage stage, String deadlineDay) {
        LocalDate day = LocalDate.parse(deadlineDay);
        AppealSla e = new AppealSla(UUID.randomUUID(), Instant.now(), AppealSla.VERSION, appeal.appealId(), "58",
                stage, appeal.teacherId(), day, day.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Moscow"))
                .toInstant(), null, null, null);
        KafkaProbe.publish(Topics.APPEAL_SLA, e);
        Awaitility.await().atMost(WAIT).until(() -> stage.name().equals(db.sql(
                        "select sla_stage from appeals where appeal_id = :id").bind("id", appeal.appealId())
                .map((r, m) -> r.get("sla_stage", String.class)).one().block()));
    }

    @Test
    void statusCommandTellsWhereTheOpenAppealsStandWithoutOpeningOne() {
        String teacher = newTeacher();
        AppealReceived routed = ask(teacher, "Нужно ли вести отдельный журнал кружка?");
        AppealReceived late = ask(teacher, "Кто утверждает рабочую программу по физике?");
        AppealReceived answered = ask(teacher, "Нужна ли технологическая карта урока?");
        for (AppealReceived a : List.of(routed, late, answered)) {
            deliver(a, Kind.STATUS, "Ваш вопрос передан специалисту вашего региона.", List.of(
                    new Button("Статус обращения", "status:" + a.appealId())));
        }
        sla(routed, AppealSla.Stage.DEADLINE_SET, "2026-01-14");
        sla(late, AppealSla.Stage.DEADLINE_SET, "2026-01-13");
        sla(late, AppealSla.Stage.OVERDUE, "2026-01-13");
        deliver(answered, Kind.OPERATOR_REPLY, "Нет, не нужна.", List.of());
        sla(answered, AppealSla.Stage.ANSWERED, "2026-01-14");
        long received = KafkaProbe.all(Topics.APPEAL_RECEIVED, e -> e.teacherId().equals(routed.teacherId())).size();

        Map<String, Object> accepted = post(teacher, "58", "Где мой ответ?");
        assertThat(accepted.get("appealId")).isNull();
        String status = messages(teacher).getLast().text();
        assertThat(status).contains("Нужно ли вести отдельный журнал кружка")
                .contains("у специалиста вашего региона; срок ответа — до 14.01.2026 23:59 (время вашего региона)")
                .contains("Кто утверждает рабочую программу по физике")
                .contains("ответ задерживается (срок был до 13.01.2026 23:59 (время вашего региона))")
                .doesNotContain("технологическая карта");
        assertThat(messages(teacher).get(messages(teacher).size() - 2).text()).isEqualTo("Где мой ответ?");

        post(teacher, "58", "статус");
        assertThat(messages(teacher).getLast().text()).isEqualTo(status);
        assertThat(press(teacher, "status:" + routed.appealId())).containsEntry("reply", status)
                .containsEntry("accepted", false);

        // the words did not open appeals: a real question afterwards is the only new one
        AppealReceived next = ask(teacher, "Обязан ли учитель писать самоанализ урока?");
        assertThat(KafkaProbe.all(Topics.APPEAL_RECEIVED, e -> e.teacherId().equals(routed.teacherId())))
                .hasSize((int) received + 1).contains(next);

        // a teacher with nothing waiting is told so
        String other = newTeacher();
        post(other, "58", "Статус обращения");
        assertThat(messages(other).getLast().text()).startsWith("Сейчас у вас нет обращений");

        // once the only appeal is answered, the teacher is told that it is and where the answer is
        String done = newTeacher();
        AppealReceived only = ask(done, "Нужно ли писать план воспитательной работы?");
        deliver(only, Kind.OPERATOR_REPLY, "Нет, не нужно.", List.of());
        Awaitility.await().atMost(WAIT).until(() -> "ANSWERED".equals(appealState(only.appealId())));
        post(done, "58", "где мой ответ");
        assertThat(messages(done).getLast().text())
                .startsWith("Сейчас у вас нет обращений, которые ждут ответа. На ваше обращение от ")
                .contains("«Нужно ли писать план воспитательной работы?» специалист уже ответил — ответ есть выше");
    }

    @Test
    void aiAnswerGoesOutStraightFromTheDecisionOnce() {
        String teacher = newTeacher();
        AppealReceived appeal = ask(teacher, "Нужно ли вести план воспитательной работы?");
        AnswerMatched decision = new AnswerMatched(UUID.randomUUID(), Instant.now(), AnswerMatched.VERSION,
                appeal.appealId(), "58", appeal.teacherId(), "plans", "plans-1", 1, 0.93,
                "Нет, отдельный план не требуется.", "ч. 6.2 ст. 47 Федерального закона № 273-ФЗ");
        KafkaProbe.publish(Topics.ANSWER_MATCHED, decision);
        KafkaProbe.publish(Topics.ANSWER_MATCHED, decision); // redelivery

        // the message id is the decision's event id
        OutboundDelivery delivery = KafkaProbe.await(Topics.OUTBOUND_DELIVERY,
                d -> d.messageId().equals(decision.eventId()), WAIT);
        assertThat(delivery.status()).isEqualTo(OutboundDelivery.Status.DELIVERED);
        assertThat(delivery.appealId()).isEqualTo(appeal.appealId());
        List<View> history = messages(teacher);
        assertThat(history).extracting(View::direction).containsExactly("IN", "OUT");
        assertThat(history.get(1).text()).isEqualTo("Нет, отдельный план не требуется.\n\n"
                + "Основание: ч. 6.2 ст. 47 Федерального закона № 273-ФЗ");
        List<Button> expected = new java.util.ArrayList<>(Button.ratings(appeal.appealId()));
        expected.add(Button.handOver(appeal.appealId()));
        assertThat(history.get(1).buttons()).containsExactlyElementsOf(expected);
        assertThat(appealState(appeal.appealId())).isEqualTo("ANSWERED_AI");

        // both copies consumed and published: still one message, one delivery report
        KafkaProbe.awaitConsumed("intake-service", Topics.ANSWER_MATCHED, WAIT);
        OutboxProbe.awaitPublished(db, WAIT);
        assertThat(messages(teacher)).hasSize(2);
        assertThat(KafkaProbe.all(Topics.OUTBOUND_DELIVERY, d -> d.messageId().equals(decision.eventId())))
                .hasSize(1);
    }

    @Test
    void offTopicDecisionGetsOnePoliteDeclineAndClosesTheAppeal() {
        String teacher = newTeacher();
        AppealReceived appeal = ask(teacher, "Как приготовить борщ?");
        AppealOffTopic decision = new AppealOffTopic(UUID.randomUUID(), Instant.now(), AppealOffTopic.VERSION,
                appeal.appealId(), "58", appeal.teacherId(), 0.01);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, decision);
        KafkaProbe.await(Topics.OUTBOUND_DELIVERY, d -> d.messageId().equals(decision.eventId()), WAIT);
        assertThat(messages(teacher).get(1).text()).startsWith("Извините")
                .contains("документационной нагрузки педагогов");
        Awaitility.await().atMost(WAIT).until(() -> "CLOSED".equals(appealState(appeal.appealId())));
    }

    @Test
    void regionsSimulatorAndActuatorAreServed() {
        web.get().uri("/api/webchat/regions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(89)
                .jsonPath("$[?(@.code == '58')].name").value(Object.class,
                        names -> assertThat(names.toString()).contains("Пензенская область"));
        web.get().uri("/simulator").exchange().expectStatus().is3xxRedirection()
                .expectHeader().location("/simulator/");
        web.get().uri("/simulator/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("Симулятор педагога"));
        web.get().uri("/simulator/simulator.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("'/api/webchat'"));
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
