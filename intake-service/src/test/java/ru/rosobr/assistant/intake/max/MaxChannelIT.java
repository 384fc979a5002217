package ru.rosobr.assistant.intake.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.AppealSla;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;
import ru.rosobr.assistant.contracts.events.TeacherMessageAdded;
import ru.rosobr.assistant.intake.IntakeTestBase;
import ru.rosobr.assistant.intake.max.internal.MaxPolling;
import ru.rosobr.assistant.intake.support.FakeHttp;
import ru.rosobr.assistant.intake.support.FakeMaxPlatform;
import ru.rosobr.assistant.intake.support.Updates;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.testkit.KafkaProbe;

/** The MAX channel against a fake MAX platform: webhook, dialogue, buttons, sending, long polling. */
class MaxChannelIT extends IntakeTestBase {

    private static final String FIO = "Петрова Анна Сергеевна";
    private final FakeMaxPlatform max = FakeMaxPlatform.get();

    @Autowired
    MaxPolling polling;

    // ---------- helpers ----------

    private static String mid() {
        return "mid." + UUID.randomUUID();
    }

    private List<JsonNode> messagesTo(long user) {
        return max.acceptedMessagesTo(String.valueOf(user)).stream()
                .map(r -> EventCodec.mapper().readTree(r.body())).toList();
    }

    /** Waits until the fake accepted a message to the user whose text matches; emits its body. */
    private JsonNode awaitMessage(long user, Predicate<String> text) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            found.clear();
            messagesTo(user).stream().filter(b -> text.test(b.path("text").asString(""))).forEach(found::add);
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    private AppealReceived ask(long user, String text) {
        postMax(Updates.maxMessageCreated(user, mid(), text)).expectStatus().isOk();
        String teacher = awaitTeacher(user);
        return KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()) && text.equals(e.text()),
                WAIT);
    }

    private String awaitTeacher(long user) {
        await().atMost(WAIT).until(() -> teacherId(Channel.MAX, user) != null);
        return teacherId(Channel.MAX, user);
    }

    private static List<Button> answerButtons(UUID appealId) {
        List<Button> buttons = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            buttons.add(new Button("⭐ " + n, "rate:" + appealId + ":" + n));
        }
        buttons.add(new Button("Не помогло — передать специалисту", "human:" + appealId));
        return buttons;
    }

    private OutboundDelivery deliver(AppealReceived appeal, Kind kind, String text, List<Button> buttons) {
        OutboundMessage m = OutboundMessage.of(appeal.teacherId(), appeal.region(), appeal.appealId(), kind, true,
                text, buttons);
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, m);
        return KafkaProbe.await(Topics.OUTBOUND_DELIVERY, d -> d.messageId().equals(m.eventId())
                && d.status() == OutboundDelivery.Status.DELIVERED, WAIT);
    }

    private long inboxRows(String dedupKey) {
        return count("select count(*) from inbound_updates where channel = 'MAX' and dedup_key = :p0", dedupKey);
    }

    // ---------- tests ----------

    @Test
    void webhookSubscriptionIsRegisteredOnStart() {
        await().atMost(WAIT).until(() -> !max.requests().stream()
                .filter(r -> r.path().equals("/subscriptions")).toList().isEmpty());
        FakeHttp.Request subscription = max.requests().stream().filter(r -> r.path().equals("/subscriptions"))
                .findFirst().orElseThrow();
        assertThat(subscription.method()).isEqualTo("POST");
        assertThat(subscription.header("Authorization")).isEqualTo(FakeMaxPlatform.TOKEN);
        JsonNode body = EventCodec.mapper().readTree(subscription.body());
        assertThat(body.path("url").asString()).isEqualTo(MAX_WEBHOOK_URL);
        assertThat(body.path("secret").asString()).isEqualTo(MAX_SECRET);
        assertThat(body.path("update_types").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("bot_started", "message_created", "message_callback");
    }

    @Test
    void botStartedIsGreetedWithWhatTheBotAnswers() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        postMax(Updates.maxBotStarted(user, System.currentTimeMillis())).expectStatus().isOk()
                .expectBody(String.class).isEqualTo("OK");

        JsonNode greeting = awaitMessage(user, t -> t.startsWith("Здравствуйте"));
        assertThat(greeting.path("text").asString()).contains("документационной нагрузке");
        // what is processed and why, with the policy's address
        assertThat(greeting.path("text").asString()).contains("ФИО, регион", "передать вопрос специалисту",
                "Политика обработки персональных данных: https://");
        assertThat(greeting.path("format").asString()).isEqualTo("markdown");
        FakeHttp.Request request = max.acceptedMessagesTo(String.valueOf(user)).getFirst();
        // MAX takes the bare token: no "Bearer"
        assertThat(request.header("Authorization")).isEqualTo(FakeMaxPlatform.TOKEN);
        assertThat(request.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void unverifiedUserIsRefusedPolitelyAndNoAppealIsOpened() {
        long user = newUserId();
        postMax(Updates.maxMessageCreated(user, mid(), "Нужно ли писать план воспитательной работы?"))
                .expectStatus().isOk();

        JsonNode refusal = awaitMessage(user, t -> t.contains("подтверждённой ролью"));
        assertThat(refusal.path("text").asString()).contains("администратора вашей образовательной организации")
                .contains("Сферуме");
        String teacher = teacherId(Channel.MAX, user);
        assertThat(count("select count(*) from appeals where teacher_id = :p0", teacher)).isZero();
        assertThat(count("select count(*) from outbox where topic = 'appeal.received.v1' and payload like :p0",
                "%" + teacher + "%")).isZero();
        // the message is kept in the conversation log
        assertThat(count("select count(*) from messages where teacher_id = :p0 and direction = 'IN'", teacher))
                .isEqualTo(1);
    }

    @Test
    void verifiedTeachersQuestionBecomesAppealReceivedWithRegistryData() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        String text = "Обязан ли учитель вести бумажный журнал наряду с электронным?";
        AppealReceived appeal = ask(user, text);

        assertThat(appeal.channel()).isEqualTo(Channel.MAX);
        assertThat(appeal.region()).isEqualTo("58");
        assertThat(appeal.teacherFio()).isEqualTo(FIO);
        assertThat(appeal.orgType()).isEqualTo(OrgType.SCHOOL);
        // the first message of the dialogue is greeted
        awaitMessage(user, t -> t.startsWith("Здравствуйте"));
    }

    @Test
    void answerWithButtonsReachesMaxAsAnInlineKeyboard() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        AppealReceived appeal = ask(user, "Нужно ли согласовывать рабочую программу с родителями?");
        String answer = "Нет, согласование с родителями не требуется. Основание: ст. 47 273-ФЗ.";
        OutboundDelivery delivered = deliver(appeal, Kind.AI_ANSWER, answer, answerButtons(appeal.appealId()));
        assertThat(delivered.channel()).isEqualTo(Channel.MAX);

        JsonNode body = awaitMessage(user, answer::equals);
        assertThat(body.path("format").asString()).isEqualTo("markdown");
        JsonNode keyboard = body.path("attachments").get(0);
        assertThat(keyboard.path("type").asString()).isEqualTo("inline_keyboard");
        List<JsonNode> buttons = keyboard.path("payload").path("buttons").valueStream()
                .flatMap(JsonNode::valueStream).toList();
        assertThat(buttons).hasSize(6).allSatisfy(b -> assertThat(b.path("type").asString()).isEqualTo("callback"));
        assertThat(buttons).extracting(b -> b.path("payload").asString()).containsExactly(
                "rate:" + appeal.appealId() + ":1", "rate:" + appeal.appealId() + ":2",
                "rate:" + appeal.appealId() + ":3", "rate:" + appeal.appealId() + ":4",
                "rate:" + appeal.appealId() + ":5", "human:" + appeal.appealId());
        assertThat(buttons.getLast().path("text").asString()).isEqualTo("Не помогло — передать специалисту");
        // ratings in one row, the hand-over on its own
        assertThat(keyboard.path("payload").path("buttons").get(0).size()).isEqualTo(5);
    }

    @Test
    void ratingButtonEmitsAppealRatedAndIsAnsweredOnAnswers() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "33");
        AppealReceived appeal = ask(user, "Сколько хранить классный журнал?");
        deliver(appeal, Kind.AI_ANSWER, "Пять лет.", answerButtons(appeal.appealId()));

        String callbackId = "cb." + UUID.randomUUID();
        postMax(Updates.maxCallback(user, callbackId, "rate:" + appeal.appealId() + ":4")).expectStatus().isOk();

        AppealRated rated = KafkaProbe.await(Topics.APPEAL_RATED, r -> r.appealId().equals(appeal.appealId()), WAIT);
        assertThat(rated.rating()).isEqualTo(4);
        assertThat(rated.region()).isEqualTo("33");
        await().atMost(WAIT).until(() -> !max.accepted("/answers", "callback_id", callbackId).isEmpty());
        JsonNode answer = EventCodec.mapper().readTree(max.accepted("/answers", "callback_id", callbackId)
                .getFirst().body());
        assertThat(answer.path("notification").asString()).isEqualTo("Спасибо за оценку!");
    }

    @Test
    void handOverButtonEmitsHumanRequested() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        AppealReceived appeal = ask(user, "Можно ли требовать от воспитателя ежедневный отчёт?");
        deliver(appeal, Kind.AI_ANSWER, "Нет, нельзя.", answerButtons(appeal.appealId()));

        String callbackId = "cb." + UUID.randomUUID();
        postMax(Updates.maxCallback(user, callbackId, "human:" + appeal.appealId())).expectStatus().isOk();

        HumanRequested h = KafkaProbe.await(Topics.HUMAN_REQUESTED, r -> r.appealId().equals(appeal.appealId()), WAIT);
        assertThat(h.text()).isEqualTo(appeal.text());
        assertThat(h.aiAnswer()).isEqualTo("Нет, нельзя.");
        assertThat(h.teacherFio()).isEqualTo(FIO);
        await().atMost(WAIT).until(() -> !max.accepted("/answers", "callback_id", callbackId).isEmpty());
        assertThat(max.accepted("/answers", "callback_id", callbackId).getFirst().body())
                .contains("Передаём ваш вопрос специалисту");
    }

    @Test
    void duplicateWebhookDeliveryIsProcessedOnce() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        String mid = mid();
        String text = "Нужно ли вести тетрадь взаимопосещений?";
        String update = Updates.maxMessageCreated(user, mid, text);
        postMax(update).expectStatus().isOk();
        postMax(update).expectStatus().isOk();
        String teacher = awaitTeacher(user);
        KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()), WAIT);
        // a third delivery after processing is still a no-op
        postMax(update).expectStatus().isOk();
        AppealReceived marker = ask(user, "Второй вопрос — после повторов первого");

        assertThat(inboxRows("mid:" + mid)).isEqualTo(1);
        assertThat(KafkaProbe.all(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId())))
                .extracting(AppealReceived::text).containsExactlyInAnyOrder(text, marker.text());
        assertThat(count("select count(*) from messages where teacher_id = :p0 and external_id = :p1", teacher, mid))
                .isEqualTo(1);
    }

    @Test
    void aBurstOfManyTeachersWithOneUnreadableUpdateLosesNothingElse() {
        // stored in one statement, so one inbox round takes them all and deals them into chunk transactions
        int teachers = 24;
        List<Long> users = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < teachers; i++) {
            long user = newUserId();
            registerTeacher(Channel.MAX, user, FIO, "58");
            users.add(user);
            rows.add(Updates.maxMessageCreated(user, mid(), "Вопрос пакета " + user));
        }
        String broken = "broken:" + UUID.randomUUID();
        StringBuilder sql = new StringBuilder("insert into inbound_updates (channel, dedup_key, update_type, payload) "
                + "values ('MAX', :broken, 'message_created', '{\"message\": not json')");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(", ('MAX', :k").append(i).append(", 'message_created', :p").append(i).append(')');
        }
        var spec = db.sql(sql.toString()).bind("broken", broken);
        for (int i = 0; i < rows.size(); i++) {
            spec = spec.bind("k" + i, "burst:" + UUID.randomUUID()).bind("p" + i, rows.get(i));
        }
        spec.then().block(WAIT);

        for (long user : users) {
            String teacher = awaitTeacher(user);
            KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()), WAIT);
        }
        // the unreadable update failed alone, with its reason kept
        await().atMost(WAIT).until(() -> count("select count(*) from inbound_updates where dedup_key = :p0 "
                + "and attempts > 0 and error is not null", broken) == 1);
        for (long user : users) {
            String teacher = teacherId(Channel.MAX, user);
            assertThat(KafkaProbe.all(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()))).hasSize(1);
            assertThat(count("select count(*) from appeals where teacher_id = :p0", teacher)).isEqualTo(1);
        }
    }

    @Test
    void wrongSecretIsRefusedWith401AndNothingIsStored() {
        long user = newUserId();
        String mid = mid();
        String update = Updates.maxMessageCreated(user, mid, "Вопрос");
        web.post().uri("/webhooks/max").header("X-Max-Bot-Api-Secret", "wrong").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(update).exchange()
                .expectStatus().isUnauthorized();
        web.post().uri("/webhooks/max").contentType(MediaType.APPLICATION_JSON).bodyValue(update).exchange()
                .expectStatus().isUnauthorized();
        assertThat(inboxRows("mid:" + mid)).isZero();
        assertThat(teacherId(Channel.MAX, user)).isNull();
    }

    @Test
    void malformedBodyIs400() {
        postMax("{\"update_type\": \"message_created\", ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("JSON"));
        postMax("{\"timestamp\": 1}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("update_type"));
        postMax("{\"update_type\":\"message_created\",\"timestamp\":1,\"message\":{\"body\":{\"text\":\"без mid\"}}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("mid"));
        postMax("[1, 2]").expectStatus().isBadRequest();
    }

    @Test
    void unknownUpdateTypeIsAcknowledgedAndIgnored() {
        long before = count("select count(*) from inbound_updates");
        postMax("{\"update_type\":\"message_edited\",\"timestamp\":" + System.currentTimeMillis()
                + ",\"message\":{\"body\":{\"mid\":\"mid.edited\",\"seq\":1,\"text\":\"правка\"}}}")
                .expectStatus().isOk();
        postMax("{\"update_type\":\"dialog_muted\",\"timestamp\":1,\"chat_id\":1,\"user\":{\"user_id\":1},"
                + "\"muted_until\":2}").expectStatus().isOk();
        assertThat(count("select count(*) from inbound_updates")).isEqualTo(before);
    }

    @Test
    void answerOf5000CharactersIsSentAsTwoMessages() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        AppealReceived appeal = ask(user, "Какие документы ведёт классный руководитель?");
        StringBuilder text = new StringBuilder();
        int paragraph = 0;
        while (text.length() < 5000) {
            text.append("Абзац ").append(++paragraph).append(". ")
                    .append("Классный руководитель ведёт только документы, прямо предусмотренные законом. ".repeat(3))
                    .append("\n\n");
        }
        String answer = text.substring(0, 5000).strip();
        deliver(appeal, Kind.AI_ANSWER, answer, answerButtons(appeal.appealId()));

        List<JsonNode> parts = messagesTo(user).stream()
                .filter(b -> b.path("text").asString("").startsWith("Абзац")).toList();
        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> assertThat(p.path("text").asString().length()).isLessThanOrEqualTo(4000));
        // the cut is at a paragraph boundary, and nothing is lost
        assertThat(parts.get(1).path("text").asString()).startsWith("Абзац ");
        assertThat(parts.get(0).path("text").asString().replaceAll("\\s", "")
                + parts.get(1).path("text").asString().replaceAll("\\s", ""))
                .isEqualTo(answer.replaceAll("\\s", ""));
        // the buttons come with the last part
        assertThat(parts.get(0).has("attachments")).isFalse();
        assertThat(parts.get(1).path("attachments").get(0).path("type").asString()).isEqualTo("inline_keyboard");
    }

    @Test
    void missingRegionIsAskedWithButtonsAndRemembered() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, null);
        String question = "Нужно ли воспитателю ДОО вести журнал здоровья?";
        postMax(Updates.maxMessageCreated(user, mid(), question)).expectStatus().isOk();

        JsonNode districts = awaitMessage(user, t -> t.contains("Выберите федеральный округ"));
        List<JsonNode> districtButtons = districts.path("attachments").get(0).path("payload").path("buttons")
                .valueStream().flatMap(JsonNode::valueStream).toList();
        assertThat(districtButtons).hasSize(8);
        JsonNode privolzhsky = districtButtons.stream()
                .filter(b -> b.path("text").asString().contains("ПФО")).findFirst().orElseThrow();

        postMax(Updates.maxCallback(user, "cb." + UUID.randomUUID(), privolzhsky.path("payload").asString()))
                .expectStatus().isOk();
        JsonNode regions = awaitMessage(user, t -> t.startsWith("Выберите регион (Приволжский"));
        List<JsonNode> regionButtons = regions.path("attachments").get(0).path("payload").path("buttons")
                .valueStream().flatMap(JsonNode::valueStream).toList();
        assertThat(regionButtons.size()).isLessThanOrEqualTo(10);
        JsonNode penza = regionButtons.stream().filter(b -> b.path("text").asString().equals("Пензенская область"))
                .findFirst()
                .orElseGet(() -> {
                    // Пензенская область is on the next page of the district
                    JsonNode more = regionButtons.stream().filter(b -> b.path("text").asString().startsWith("Ещё"))
                            .findFirst().orElseThrow();
                    postMax(Updates.maxCallback(user, "cb." + UUID.randomUUID(), more.path("payload").asString()))
                            .expectStatus().isOk();
                    JsonNode page = awaitMessage(user, t -> t.startsWith("Выберите регион (Приволжский")
                            && t.contains("страница 2"));
                    return page.path("attachments").get(0).path("payload").path("buttons").valueStream()
                            .flatMap(JsonNode::valueStream)
                            .filter(b -> b.path("text").asString().equals("Пензенская область"))
                            .findFirst().orElseThrow();
                });
        assertThat(penza.path("payload").asString()).isEqualTo("region:set:58");
        postMax(Updates.maxCallback(user, "cb." + UUID.randomUUID(), "region:set:58")).expectStatus().isOk();

        String teacher = awaitTeacher(user);
        AppealReceived appeal = KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()), WAIT);
        assertThat(appeal.text()).isEqualTo(question);
        assertThat(appeal.region()).isEqualTo("58");
        awaitMessage(user, t -> t.startsWith("Регион сохранён: Пензенская область"));

        // remembered: the next question goes straight to an appeal
        AppealReceived next = ask(user, "А журнал закаливания?");
        assertThat(next.region()).isEqualTo("58");
    }

    @Test
    void followUpWhileWithASpecialistJoinsTheAppealThread() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        AppealReceived appeal = ask(user, "Какие документы нужны для аттестации на высшую категорию?");
        deliver(appeal, Kind.STATUS, "Ваш вопрос передан специалисту вашего региона, срок ответа — до 20.03.",
                List.of());

        String followUp = "Уточню: я учитель начальных классов, аттестуюсь впервые.";
        postMax(Updates.maxMessageCreated(user, mid(), followUp)).expectStatus().isOk();

        TeacherMessageAdded added = KafkaProbe.await(Topics.TEACHER_MESSAGE_ADDED,
                e -> e.appealId().equals(appeal.appealId()), WAIT);
        assertThat(added.text()).isEqualTo(followUp);
        assertThat(added.teacherId()).isEqualTo(appeal.teacherId());
        assertThat(added.region()).isEqualTo("58");
        awaitMessage(user, t -> t.startsWith("Дополнение добавлено"));
        assertThat(count("select count(*) from messages where appeal_id = :p0 and direction = 'IN'",
                appeal.appealId())).isEqualTo(2);
        assertThat(KafkaProbe.all(Topics.APPEAL_RECEIVED, e -> appeal.teacherId().equals(e.teacherId())))
                .hasSize(1);

        // once the specialist answered, a new message is a new question
        deliver(appeal, Kind.OPERATOR_REPLY, "Ответ специалиста.", List.of());
        AppealReceived second = ask(user, "Новый вопрос про портфолио");
        assertThat(second.appealId()).isNotEqualTo(appeal.appealId());
    }

    @Test
    void statusWordsAndTheStatusButtonAnswerWithTheDeadlineAndDoNotJoinTheThread() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "41"); // Камчатский край
        AppealReceived appeal = ask(user, "Обязан ли учитель вести журнал инструктажей?");
        deliver(appeal, Kind.STATUS, "Ваш вопрос передан специалисту вашего региона.",
                List.of(new Button("Статус обращения", "status:" + appeal.appealId())));
        AppealSla set = new AppealSla(UUID.randomUUID(), java.time.Instant.now(), AppealSla.VERSION,
                appeal.appealId(), "41", AppealSla.Stage.WARNING, appeal.teacherId(),
                java.time.LocalDate.parse("2026-01-14"), java.time.Instant.parse("2026-01-14T12:00:00Z"), null, null,
                null);
        KafkaProbe.publish(Topics.APPEAL_SLA, set);
        await().atMost(WAIT).until(() -> count("select count(*) from appeals where appeal_id = :p0 "
                + "and sla_stage = 'WARNING'", appeal.appealId()) == 1);

        postMax(Updates.maxMessageCreated(user, mid(), "Где мой ответ?")).expectStatus().isOk();
        JsonNode status = awaitMessage(user, t -> t.startsWith("Ваше обращение:"));
        assertThat(status.path("text").asString()).contains("журнал инструктажей")
                .contains("срок ответа истекает сегодня — до 14.01.2026 23:59 (время вашего региона)");

        String callbackId = "cb." + UUID.randomUUID();
        postMax(Updates.maxCallback(user, callbackId, "status:" + appeal.appealId())).expectStatus().isOk();
        await().atMost(WAIT).until(() -> !max.accepted("/answers", "callback_id", callbackId).isEmpty());
        assertThat(EventCodec.mapper().readTree(max.accepted("/answers", "callback_id", callbackId).getFirst().body())
                .path("notification").asString()).isEqualTo("Статус обращения");
        await().atMost(WAIT).until(() -> messagesTo(user).stream()
                .filter(b -> b.path("text").asString("").startsWith("Ваше обращение:")).count() == 2);

        // the words asked about the appeal: they did not join its thread
        assertThat(count("select count(*) from messages where appeal_id = :p0 and direction = 'IN'",
                appeal.appealId())).isEqualTo(1);
        assertThat(outboxCount(Topics.TEACHER_MESSAGE_ADDED.name(), appeal.appealId())).isZero();
    }

    private long outboxCount(String topic, UUID appealId) {
        return count("select count(*) from outbox where topic = :p0 and record_key = :p1", topic,
                appealId.toString());
    }

    @Test
    void groupChatMessagesAreNotTheBotsBusiness() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        String mid = mid();
        postMax(Updates.maxMessageCreated(user, mid, "Всем привет!", "chat")).expectStatus().isOk();
        await().atMost(WAIT).until(() -> count("select count(*) from inbound_updates where dedup_key = :p0 "
                + "and status = 'DONE'", "mid:" + mid) == 1);
        assertThat(count("select count(*) from messages m join teachers t on t.teacher_id = m.teacher_id "
                + "where t.platform_user_id = :p0", String.valueOf(user))).isZero();
    }

    @Test
    void longPollingTakesUpdatesAndKeepsTheMarkerAcrossRestarts() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        String first = "Вопрос, полученный длинным опросом";
        max.queueUpdate(Updates.maxMessageCreated(user, mid(), first));
        polling.start();
        try {
            String teacher = awaitTeacher(user);
            KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()) && first.equals(e.text()),
                    WAIT);
            await().atMost(WAIT).until(() -> String.valueOf(max.marker()).equals(storedMarker()));
        } finally {
            polling.stop();
        }
        String marker = storedMarker();

        // after a restart the poll resumes from the stored marker
        int before = max.requests().size();
        String second = "Второй вопрос после перезапуска";
        max.queueUpdate(Updates.maxMessageCreated(user, mid(), second));
        polling.start();
        try {
            String teacher = teacherId(Channel.MAX, user);
            KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()) && second.equals(e.text()),
                    WAIT);
        } finally {
            polling.stop();
        }
        FakeHttp.Request resumed = max.requests().subList(before, max.requests().size()).stream()
                .filter(r -> r.path().equals("/updates")).findFirst().orElseThrow();
        assertThat(resumed.query().get("marker")).isEqualTo(marker);
        assertThat(resumed.query().get("types")).contains("message_created", "message_callback", "bot_started");
        assertThat(resumed.header("Authorization")).isEqualTo(FakeMaxPlatform.TOKEN);
    }

    @Test
    void aPolledUpdateThatCannotBeReadIsKeptAsFailedAndTheNextOneIsProcessed() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, FIO, "58");
        String broken = "{\"update_type\":\"message_callback\",\"timestamp\":" + user + ",\"callback\":{}}";
        String question = "Вопрос после нечитаемого обновления";
        max.queueUpdate(broken);
        max.queueUpdate(Updates.maxMessageCreated(user, mid(), question));
        polling.start();
        try {
            String teacher = awaitTeacher(user);
            KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()) && question.equals(e.text()),
                    WAIT);
            await().atMost(WAIT).until(() -> String.valueOf(max.marker()).equals(storedMarker()));
        } finally {
            polling.stop();
        }
        // the marker moved past it, and the update is still there with the reason (stored once)
        assertThat(count("select count(*) from inbound_updates where status = 'FAILED' and update_type = 'malformed' "
                + "and payload like :p0 and error like 'Некорректное обновление MAX:%callback_id%'",
                "%\"timestamp\":" + user + "%")).isEqualTo(1);
    }

    private String storedMarker() {
        return db.sql("select value from channel_state where name = :n").bind("n", MaxPolling.MARKER)
                .map((r, m) -> r.get("value", String.class)).one().block();
    }
}
