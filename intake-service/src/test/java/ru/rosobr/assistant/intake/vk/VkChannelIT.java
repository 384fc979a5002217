package ru.rosobr.assistant.intake.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;
import ru.rosobr.assistant.intake.IntakeTestBase;
import ru.rosobr.assistant.intake.support.FakeVkApi;
import ru.rosobr.assistant.intake.support.Updates;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.testkit.KafkaProbe;

/** Sferum / VK Messenger through the VK Callback API and a fake VK API. */
class VkChannelIT extends IntakeTestBase {

    private static final String FIO = "Кузнецова Елена Викторовна";
    private final FakeVkApi vk = FakeVkApi.get();

    private static String eventId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private AppealReceived ask(long user, String text) {
        postVk(Updates.vkMessageNew(eventId(), user, (long) (Math.random() * 1e6) + 1, text, VK_SECRET))
                .expectStatus().isOk().expectBody(String.class).isEqualTo("ok");
        await().atMost(WAIT).until(() -> teacherId(Channel.VK, user) != null);
        String teacher = teacherId(Channel.VK, user);
        return KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()) && text.equals(e.text()),
                WAIT);
    }

    private FakeVkApi.Shown awaitShown(long user, String textPart) {
        List<FakeVkApi.Shown> found = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            found.clear();
            vk.shownTo(String.valueOf(user)).stream().filter(s -> s.text().contains(textPart)).forEach(found::add);
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    private OutboundMessage deliver(AppealReceived appeal, String text, List<Button> buttons) {
        OutboundMessage m = OutboundMessage.of(appeal.teacherId(), appeal.region(), appeal.appealId(), Kind.AI_ANSWER,
                true, text, buttons);
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, m);
        KafkaProbe.await(Topics.OUTBOUND_DELIVERY, d -> d.messageId().equals(m.eventId())
                && d.status() == OutboundDelivery.Status.DELIVERED, WAIT);
        return m;
    }

    private static List<Button> answerButtons(UUID appealId) {
        List<Button> buttons = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            buttons.add(new Button("⭐ " + n, "rate:" + appealId + ":" + n));
        }
        buttons.add(new Button("Не помогло — передать специалисту", "human:" + appealId));
        return buttons;
    }

    @Test
    void confirmationIsAnsweredWithTheConfiguredString() {
        postVk(Updates.vkConfirmation(VK_SECRET)).expectStatus().isOk()
                .expectBody(String.class).isEqualTo(VK_CONFIRMATION);
    }

    @Test
    void wrongSecretIsRefusedAndNothingIsStored() {
        long user = newUserId();
        String event = eventId();
        postVk(Updates.vkMessageNew(event, user, 5, "Вопрос", "wrong-secret")).expectStatus().isUnauthorized()
                .expectBody(String.class).isEqualTo("forbidden");
        postVk(Updates.vkMessageNew(event, user, 5, "Вопрос", null)).expectStatus().isUnauthorized();
        postVk(Updates.vkConfirmation("wrong-secret")).expectStatus().isUnauthorized();
        assertThat(count("select count(*) from inbound_updates where channel = 'VK' and dedup_key = :p0",
                "event:" + event)).isZero();
        assertThat(teacherId(Channel.VK, user)).isNull();
    }

    @Test
    void malformedIs400AndUnknownTypeIsOk() {
        postVk("{\"type\": ").expectStatus().isBadRequest();
        postVk("{\"object\": {}}").expectStatus().isBadRequest();
        postVk("{\"type\":\"message_new\",\"event_id\":\"x\",\"secret\":\"" + VK_SECRET + "\",\"object\":{}}")
                .expectStatus().isBadRequest();
        long before = count("select count(*) from inbound_updates");
        postVk("{\"type\":\"message_typing_state\",\"event_id\":\"" + eventId() + "\",\"secret\":\"" + VK_SECRET
                + "\",\"object\":{\"state\":\"typing\",\"from_id\":1,\"to_id\":-1}}")
                .expectStatus().isOk().expectBody(String.class).isEqualTo("ok");
        assertThat(count("select count(*) from inbound_updates")).isEqualTo(before);
    }

    @Test
    void messageNewFromAVerifiedTeacherOpensAnAppealAndTheBotAnswersWithMessagesSend() {
        long user = newUserId();
        registerTeacher(Channel.VK, user, FIO, "33");
        String event = eventId();
        String text = "Должен ли педагог СПО писать ежемесячный отчёт о воспитательной работе?";
        String notification = Updates.vkMessageNew(event, user, 42, text, VK_SECRET);
        postVk(notification).expectStatus().isOk().expectBody(String.class).isEqualTo("ok");
        postVk(notification).expectStatus().isOk().expectBody(String.class).isEqualTo("ok");

        await().atMost(WAIT).until(() -> teacherId(Channel.VK, user) != null);
        String teacher = teacherId(Channel.VK, user);
        AppealReceived appeal = KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()), WAIT);
        assertThat(appeal.channel()).isEqualTo(Channel.VK);
        assertThat(appeal.region()).isEqualTo("33");
        assertThat(appeal.teacherFio()).isEqualTo(FIO);
        assertThat(appeal.text()).isEqualTo(text);

        FakeVkApi.Shown greeting = awaitShown(user, "Здравствуйте");
        Map<String, String> send = vk.sends(String.valueOf(user)).getFirst();
        assertThat(send).containsEntry("v", "5.199").containsEntry("access_token", FakeVkApi.TOKEN)
                .containsEntry("peer_id", String.valueOf(user)).containsKey("random_id");
        assertThat(greeting.text()).contains("документационной нагрузке");
        // the same event delivered twice made one appeal
        assertThat(KafkaProbe.all(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()))).hasSize(1);
    }

    @Test
    void answerWithButtonsGoesAsAnInlineCallbackKeyboard() {
        long user = newUserId();
        registerTeacher(Channel.VK, user, FIO, "58");
        AppealReceived appeal = ask(user, "Нужно ли вести журнал посещаемости кружка?");
        String answer = "Нет, если это не предусмотрено локальным актом. " + UUID.randomUUID();
        deliver(appeal, answer, answerButtons(appeal.appealId()));

        FakeVkApi.Shown shown = awaitShown(user, answer);
        JsonNode keyboard = EventCodec.mapper().readTree(shown.keyboard());
        assertThat(keyboard.path("inline").asBoolean()).isTrue();
        List<JsonNode> buttons = keyboard.path("buttons").valueStream().flatMap(JsonNode::valueStream).toList();
        assertThat(buttons).hasSize(6);
        assertThat(keyboard.path("buttons").size()).isLessThanOrEqualTo(6);
        assertThat(buttons).allSatisfy(b -> assertThat(b.path("action").path("type").asString()).isEqualTo("callback"));
        JsonNode handOver = buttons.getLast().path("action");
        assertThat(handOver.path("label").asString()).isEqualTo("Не помогло — передать специалисту");
        assertThat(EventCodec.mapper().readTree(handOver.path("payload").asString()).path("p").asString())
                .isEqualTo("human:" + appeal.appealId());
    }

    @Test
    void messageEventRatingIsRecordedAndAnsweredWithSendMessageEventAnswer() {
        long user = newUserId();
        registerTeacher(Channel.VK, user, FIO, "58");
        AppealReceived appeal = ask(user, "Кто утверждает план работы методического объединения?");
        deliver(appeal, "Руководитель организации.", answerButtons(appeal.appealId()));

        String press = "press" + eventId();
        postVk(Updates.vkMessageEvent(eventId(), user, press, "rate:" + appeal.appealId() + ":5", VK_SECRET))
                .expectStatus().isOk().expectBody(String.class).isEqualTo("ok");

        AppealRated rated = KafkaProbe.await(Topics.APPEAL_RATED, r -> r.appealId().equals(appeal.appealId()), WAIT);
        assertThat(rated.rating()).isEqualTo(5);
        await().atMost(WAIT).until(() -> !vk.eventAnswers(press).isEmpty());
        Map<String, String> answer = vk.eventAnswers(press).getFirst();
        assertThat(answer).containsEntry("user_id", String.valueOf(user)).containsEntry("peer_id",
                String.valueOf(user)).containsEntry("v", "5.199");
        JsonNode data = EventCodec.mapper().readTree(answer.get("event_data"));
        assertThat(data.path("type").asString()).isEqualTo("show_snackbar");
        assertThat(data.path("text").asString()).isEqualTo("Спасибо за оценку!");
    }

    @Test
    void randomIdIsTheSameOnEveryRetrySoVkShowsTheMessageOnce() {
        long user = newUserId();
        registerTeacher(Channel.VK, user, FIO, "58");
        AppealReceived appeal = ask(user, "Нужно ли дублировать электронный журнал на бумаге?");
        String answer = "Не нужно. " + UUID.randomUUID();
        vk.failNext(answer, 10, 503);
        OutboundMessage m = deliver(appeal, answer, List.of());

        List<Map<String, String>> tries = vk.sends(String.valueOf(user)).stream()
                .filter(f -> f.getOrDefault("message", "").equals(answer)).toList();
        assertThat(tries).hasSize(3);
        assertThat(tries).extracting(f -> f.get("random_id")).containsOnly(tries.getFirst().get("random_id"));
        assertThat(tries.getFirst().get("random_id"))
                .isEqualTo(String.valueOf(ru.rosobr.assistant.intake.vk.internal.VkSender.randomId(m.eventId(), 0)));
        assertThat(vk.shownTo(String.valueOf(user)).stream().filter(s -> s.text().equals(answer))).hasSize(1);
    }
}
