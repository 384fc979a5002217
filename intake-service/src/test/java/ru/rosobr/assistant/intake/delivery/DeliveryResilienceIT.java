package ru.rosobr.assistant.intake.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;
import ru.rosobr.assistant.intake.IntakeTestBase;
import ru.rosobr.assistant.intake.support.FakeMaxPlatform;
import ru.rosobr.assistant.intake.support.Updates;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Delivery to MAX when the platform misbehaves: 429 and 503 are retried (delivered once), an outage keeps the
 * message (visible to the admin) until the platform is back, non-urgent messages wait for the teacher's day, and a
 * part left in doubt by a crash is looked up in the dialog before it is sent again.
 */
class DeliveryResilienceIT extends IntakeTestBase {

    private static final String FIO = "Сидорова Ольга Ивановна";
    private final FakeMaxPlatform max = FakeMaxPlatform.get();

    @Autowired
    Clock clock;

    @AfterEach
    void platformBack() {
        max.setDown(false);
        max.failNextReads();
        CLOCK.reset();
    }

    private String teacher(long user, String region) {
        registerTeacher(Channel.MAX, user, FIO, region);
        return teacherId(Channel.MAX, user);
    }

    private OutboundMessage publish(String teacherId, String region, Kind kind, boolean urgent, String text) {
        OutboundMessage m = OutboundMessage.of(teacherId, region, null, kind, urgent, text, List.of());
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, m);
        return m;
    }

    private OutboundDelivery awaitOutcome(OutboundMessage m, OutboundDelivery.Status status) {
        return KafkaProbe.await(Topics.OUTBOUND_DELIVERY, d -> d.messageId().equals(m.eventId())
                && d.status() == status, WAIT);
    }

    private long accepted(long user, String text) {
        return max.acceptedMessagesTo(String.valueOf(user)).stream()
                .filter(r -> EventCodec.mapper().readTree(r.body()).path("text").asString("").equals(text)).count();
    }

    private List<Map<String, Object>> failedDeliveries() {
        return web.get().uri("/api/admin/deliveries?status=FAILED&channel=MAX")
                .header("Authorization", adminBearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                })
                .returnResult().getResponseBody();
    }

    @Test
    void tooManyRequestsThenUnavailableAreRetriedAndDeliveredExactlyOnce() {
        long user = newUserId();
        String teacher = teacher(user, "58");
        String text = "Ответ после 429 и 503 " + UUID.randomUUID();
        max.failNext(text, 429, 503);

        OutboundMessage m = publish(teacher, "58", Kind.OPERATOR_REPLY, true, text);
        OutboundDelivery delivered = awaitOutcome(m, OutboundDelivery.Status.DELIVERED);

        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(max.all("/messages", "user_id", String.valueOf(user)).stream()
                .filter(r -> r.body().contains(text)).count()).isEqualTo(3);
        assertThat(accepted(user, text)).isEqualTo(1);
        assertThat(KafkaProbe.all(Topics.OUTBOUND_DELIVERY, d -> d.messageId().equals(m.eventId())))
                .extracting(OutboundDelivery::status).containsExactly(OutboundDelivery.Status.DELIVERED);
    }

    /**
     * The platform is down for a while: the in-round retries give up, the message is kept as FAILED with the reason
     * (and shown to the admin), the circuit breaker opens, and the durable worker keeps trying on its backoff
     * schedule until the platform is back — then it is delivered once. (Production: rounds 5 s doubling to 60 s,
     * breaker open 30 s, give up after 72 h; here the same schedule scaled to 200–400 ms.)
     */
    @Test
    void messageSurvivesAnOutageAndIsDeliveredAfterRecovery() {
        long user = newUserId();
        String teacher = teacher(user, "58");
        String text = "Ответ во время сбоя MAX " + UUID.randomUUID();
        max.setDown(true);

        OutboundMessage m = publish(teacher, "58", Kind.OPERATOR_REPLY, true, text);
        OutboundDelivery failed = awaitOutcome(m, OutboundDelivery.Status.FAILED);
        assertThat(failed.reason()).contains("503");
        List<Map<String, Object>> shown = failedDeliveries();
        assertThat(shown).anySatisfy(d -> {
            assertThat(d.get("messageId")).isEqualTo(m.eventId().toString());
            assertThat((String) d.get("reason")).isNotBlank();
            assertThat(d.get("notBefore")).as("scheduled for another try").isNotNull();
        });
        // several failed rounds while the platform stays down (the breaker opens on the way)
        await().atMost(WAIT).until(() -> count("select failed_rounds from outbound_deliveries where message_id = :p0",
                m.eventId()) >= 3);
        assertThat(accepted(user, text)).isZero();

        max.setDown(false);
        OutboundDelivery delivered = awaitOutcome(m, OutboundDelivery.Status.DELIVERED);
        assertThat(delivered.attempts()).isGreaterThan(1);
        assertThat(accepted(user, text)).isEqualTo(1);
        assertThat(failedDeliveries()).noneSatisfy(d -> assertThat(d.get("messageId"))
                .isEqualTo(m.eventId().toString()));
    }

    @Test
    void nonUrgentMessageAt22LocalIsHeldUntil08AndUrgentOnesGoAtOnce() {
        assertThat(clock).isSameAs(CLOCK);
        long user = newUserId();
        String teacher = teacher(user, "75"); // Забайкальский край: UTC+9
        ZoneId zone = ZoneId.of("Asia/Chita");
        ZonedDateTime evening = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.DAYS).withHour(22);
        if (evening.isBefore(ZonedDateTime.now(zone))) {
            evening = evening.plusDays(1);
        }
        CLOCK.setNow(evening.toInstant());

        String reminder = "Оцените, пожалуйста, ответ " + UUID.randomUUID();
        OutboundMessage held = publish(teacher, "75", Kind.RATING_REMINDER, false, reminder);
        OutboundDelivery outcome = awaitOutcome(held, OutboundDelivery.Status.HELD);
        assertThat(outcome.reason()).contains("08:00–19:00");
        Instant morning = evening.plusDays(1).withHour(8).toInstant();
        Instant notBefore = db.sql("select not_before from outbound_deliveries where message_id = :id")
                .bind("id", held.eventId()).map((r, x) -> r.get("not_before", Instant.class)).one().block();
        assertThat(notBefore).isEqualTo(morning);

        // a direct answer at the same hour goes at once; the reminder stays held
        String urgent = "Срочный ответ " + UUID.randomUUID();
        awaitOutcome(publish(teacher, "75", Kind.OPERATOR_REPLY, true, urgent), OutboundDelivery.Status.DELIVERED);
        assertThat(accepted(user, urgent)).isEqualTo(1);
        assertThat(accepted(user, reminder)).isZero();
        assertThat(count("select count(*) from outbound_deliveries where message_id = :p0 and status = 'HELD'",
                held.eventId())).isEqualTo(1);

        // 08:00 at the teacher's: the reminder goes
        CLOCK.setNow(morning.plusSeconds(1));
        awaitOutcome(held, OutboundDelivery.Status.DELIVERED);
        assertThat(accepted(user, reminder)).isEqualTo(1);
    }

    /**
     * A reminder that failed at 18:59:50 teacher-local is due for its retry after 19:00: the retry checks the quiet
     * hours again and holds it until 08:00 instead of sending it in the evening.
     */
    @Test
    void aRetriedNonUrgentMessageChecksTheQuietHoursAgain() {
        long user = newUserId();
        String teacher = teacher(user, "75"); // Забайкальский край: UTC+9
        ZoneId zone = ZoneId.of("Asia/Chita");
        ZonedDateTime lastMinute = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.DAYS).plusDays(1)
                .withHour(18).withMinute(59).withSecond(50);
        CLOCK.setNow(lastMinute.toInstant());
        max.setDown(true);

        String reminder = "Оцените ответ, пожалуйста " + UUID.randomUUID();
        OutboundMessage m = publish(teacher, "75", Kind.RATING_REMINDER, false, reminder);
        awaitOutcome(m, OutboundDelivery.Status.FAILED);
        assertThat(accepted(user, reminder)).isZero();

        // the platform is back, the retry comes due — but it is 19:30 at the teacher's now
        max.setDown(false);
        CLOCK.setNow(lastMinute.plusMinutes(31).toInstant());
        OutboundDelivery held = awaitOutcome(m, OutboundDelivery.Status.HELD);
        assertThat(held.reason()).contains("08:00–19:00").contains("повтор отложен");
        Instant morning = lastMinute.plusDays(1).withHour(8).withMinute(0).withSecond(0).toInstant();
        assertThat(db.sql("select not_before from outbound_deliveries where message_id = :id")
                .bind("id", m.eventId()).map((r, x) -> r.get("not_before", Instant.class)).one().block())
                .isEqualTo(morning);
        assertThat(accepted(user, reminder)).isZero();

        CLOCK.setNow(morning.plusSeconds(1));
        awaitOutcome(m, OutboundDelivery.Status.DELIVERED);
        assertThat(accepted(user, reminder)).isEqualTo(1);
    }

    /** A verified teacher who started the bot: MAX told intake the dialog's chat_id, the greeting is out. */
    private String teacherInDialog(long user) {
        String teacher = teacher(user, "58");
        postMax(Updates.maxBotStarted(user, System.currentTimeMillis())).expectStatus().isOk();
        await().atMost(WAIT).until(() -> count("select count(*) from teachers where teacher_id = :p0 "
                + "and platform_dialog_id = :p1", teacher, String.valueOf(Updates.maxDialog(user))) == 1);
        await().atMost(WAIT).until(() -> count("select count(*) from outbound_deliveries where teacher_id = :p0 "
                + "and kind = 'GREETING' and status = 'DELIVERED'", teacher) == 1);
        return teacher;
    }

    /**
     * What an owner that died mid-request leaves: the request of part 0 out (just now), its lease run out, the
     * message due. Set while no round holds the message, so that no round in progress overwrites it.
     */
    private void leaveInDoubt(OutboundMessage m) {
        await().atMost(WAIT).until(() -> db.sql("update outbound_deliveries set part_in_flight = 0, "
                        + "part_in_flight_at = now(), not_before = :now where message_id = :id and status = 'FAILED' "
                        + "and locked_until is null")
                .bind("id", m.eventId()).bind("now", clock.instant()).fetch().rowsUpdated().block() == 1);
    }

    private long reads(long user) {
        return max.all("/messages", "chat_id", String.valueOf(Updates.maxDialog(user))).stream()
                .filter(r -> r.method().equals("GET")).count();
    }

    /**
     * The owner died with a part's request out, and MAX had taken it (the answer never reached intake): MAX drops no
     * repeats, so the part is looked up in the dialog first — while MAX is down the look-up fails and the part stays
     * in doubt (looked up again, not sent); once MAX answers, the part is found and counts as sent: DELIVERED, the
     * teacher sees it once.
     */
    @Test
    void aPartInDoubtThatMaxShowsIsNotSentAgain() {
        long user = newUserId();
        String teacher = teacherInDialog(user);
        String text = "Ответ, который MAX принял перед сбоем intake " + UUID.randomUUID();
        max.setDown(true);
        OutboundMessage m = publish(teacher, "58", Kind.OPERATOR_REPLY, true, text);
        awaitOutcome(m, OutboundDelivery.Status.FAILED);
        leaveInDoubt(m);
        max.showInDialog(user, text, System.currentTimeMillis());

        await().atMost(WAIT).until(() -> count("select count(*) from outbound_deliveries where message_id = :p0 "
                + "and status = 'FAILED' and part_in_flight = 0 and not_before is not null "
                + "and reason like 'неизвестно, дошло ли сообщение%проверить по диалогу%проверка будет повторена%'",
                m.eventId()) == 1);
        max.setDown(false);

        OutboundDelivery delivered = awaitOutcome(m, OutboundDelivery.Status.DELIVERED);
        assertThat(delivered.reason()).isNull();
        assertThat(accepted(user, text)).as("not sent again").isZero();
        assertThat(max.timesShown(user, text)).isEqualTo(1);
        assertThat(reads(user)).isPositive();
        assertThat(count("select count(*) from outbound_deliveries where message_id = :p0 and part_in_flight is null "
                + "and status = 'DELIVERED'", m.eventId())).isEqualTo(1);
    }

    /**
     * A teacher from the registry who never wrote to the bot since intake keeps dialog ids: the answer to the first
     * message sent to them names the dialog (recipient.chat_id), so a later part in doubt can still be looked up.
     * Before that, the look-up cannot be done and the part is given up with the reason.
     */
    @Test
    void theDialogNamedByASendAnswerLetsALaterPartInDoubtBeLookedUp() {
        long user = newUserId();
        String teacher = teacher(user, "58");
        String unknown = "Ответ педагогу, чей диалог ещё неизвестен " + UUID.randomUUID();
        max.setDown(true);
        OutboundMessage first = publish(teacher, "58", Kind.OPERATOR_REPLY, true, unknown);
        awaitOutcome(first, OutboundDelivery.Status.FAILED);
        leaveInDoubt(first);
        max.setDown(false);
        await().atMost(WAIT).until(() -> count("select count(*) from outbound_deliveries where message_id = :p0 "
                + "and status = 'FAILED' and not_before is null and reason like '%id диалога%/retry)'",
                first.eventId()) == 1);
        assertThat(accepted(user, unknown)).isZero();
        assertThat(reads(user)).as("no dialog to read").isZero();

        String delivered = "Первое доставленное сообщение " + UUID.randomUUID();
        awaitOutcome(publish(teacher, "58", Kind.OPERATOR_REPLY, true, delivered), OutboundDelivery.Status.DELIVERED);
        await().atMost(WAIT).until(() -> count("select count(*) from teachers where teacher_id = :p0 "
                + "and platform_dialog_id = :p1", teacher, String.valueOf(Updates.maxDialog(user))) == 1);

        String text = "Ответ, который MAX принял перед сбоем " + UUID.randomUUID();
        max.setDown(true);
        OutboundMessage m = publish(teacher, "58", Kind.OPERATOR_REPLY, true, text);
        awaitOutcome(m, OutboundDelivery.Status.FAILED);
        leaveInDoubt(m);
        max.showInDialog(user, text, System.currentTimeMillis());
        max.setDown(false);

        awaitOutcome(m, OutboundDelivery.Status.DELIVERED);
        assertThat(accepted(user, text)).as("not sent again").isZero();
        assertThat(max.timesShown(user, text)).isEqualTo(1);
    }

    /**
     * A long answer goes in two parts; the owner died with the first part's request out, and MAX had taken it: the
     * first part is found in the dialog and counts as sent, the second is sent — each part shown once.
     */
    @Test
    void aLongMessageGoesOnFromThePartAfterTheOneFoundInTheDialog() {
        long user = newUserId();
        String teacher = teacherInDialog(user);
        String paragraph = "Абзац длинного ответа о порядке аттестации педагогических работников. ".repeat(40);
        String text = paragraph + "\n\n" + paragraph + UUID.randomUUID();
        List<String> parts = OutboundText.split(text, 4000);
        assertThat(parts).hasSize(2);
        max.setDown(true);
        OutboundMessage m = publish(teacher, "58", Kind.OPERATOR_REPLY, true, text);
        awaitOutcome(m, OutboundDelivery.Status.FAILED);
        leaveInDoubt(m);
        max.showInDialog(user, parts.get(0), System.currentTimeMillis());
        max.setDown(false);

        awaitOutcome(m, OutboundDelivery.Status.DELIVERED);
        assertThat(accepted(user, parts.get(0))).as("the part found is not sent again").isZero();
        assertThat(accepted(user, parts.get(1))).isEqualTo(1);
        assertThat(max.shownTo(user)).containsSubsequence(parts.get(0), parts.get(1));
        assertThat(max.timesShown(user, parts.get(0))).isEqualTo(1);
        assertThat(count("select parts_sent from outbound_deliveries where message_id = :p0", m.eventId()))
                .isEqualTo(2);
    }

    /**
     * The owner died with a part's request out that MAX never took: the dialog does not have it (the same text shown
     * long before the request does not count), so it is sent — once.
     */
    @Test
    void aPartInDoubtThatMaxDoesNotShowIsSentOnce() {
        long user = newUserId();
        String teacher = teacherInDialog(user);
        String text = "Ответ, запрос которого оборвался до MAX " + UUID.randomUUID();
        max.setDown(true);
        OutboundMessage m = publish(teacher, "58", Kind.OPERATOR_REPLY, true, text);
        awaitOutcome(m, OutboundDelivery.Status.FAILED);
        max.showInDialog(user, text, System.currentTimeMillis() - Duration.ofMinutes(10).toMillis());
        leaveInDoubt(m);
        max.setDown(false);

        awaitOutcome(m, OutboundDelivery.Status.DELIVERED);
        assertThat(reads(user)).isPositive();
        assertThat(accepted(user, text)).isEqualTo(1);
        assertThat(max.timesShown(user, text)).as("the old one and the one sent now").isEqualTo(2);
    }

    /**
     * The look-up itself is refused (403 on GET /messages): whether the teacher saw the part cannot be told, so it
     * is given up as FAILED with the reason — never sent blindly; the admin's retry sends it once.
     */
    @Test
    void aPartInDoubtWhoseLookUpIsRefusedIsGivenUpWithTheReason() {
        long user = newUserId();
        String teacher = teacherInDialog(user);
        String text = "Ответ, который не удалось проверить " + UUID.randomUUID();
        max.setDown(true);
        OutboundMessage m = publish(teacher, "58", Kind.OPERATOR_REPLY, true, text);
        awaitOutcome(m, OutboundDelivery.Status.FAILED);
        max.failNextReads(403);
        leaveInDoubt(m);
        max.setDown(false);

        await().atMost(WAIT).until(() -> count("select count(*) from outbound_deliveries where message_id = :p0 "
                + "and status = 'FAILED' and not_before is null", m.eventId()) == 1);
        assertThat(failedDeliveries()).anySatisfy(d -> {
            assertThat(d.get("messageId")).isEqualTo(m.eventId().toString());
            assertThat((String) d.get("reason")).startsWith("неизвестно, дошло ли сообщение")
                    .contains("проверить по диалогу").contains("403").contains("повторно не отправлено")
                    .contains("/api/admin/deliveries/" + m.eventId() + "/retry");
        });
        assertThat(accepted(user, text)).as("not sent blindly").isZero();

        web.post().uri("/api/admin/deliveries/" + m.eventId() + "/retry").header("Authorization", adminBearer())
                .exchange().expectStatus().is2xxSuccessful();
        awaitOutcome(m, OutboundDelivery.Status.DELIVERED);
        assertThat(accepted(user, text)).isEqualTo(1);
        assertThat(count("select count(*) from outbound_deliveries where message_id = :p0 and part_in_flight is null",
                m.eventId())).isEqualTo(1);
    }

    @Test
    void aRedeliveredOutboundEventIsSentOnce() {
        long user = newUserId();
        String teacher = teacher(user, "58");
        String text = "Ответ, доставленный брокером дважды " + UUID.randomUUID();
        OutboundMessage m = publish(teacher, "58", Kind.OPERATOR_REPLY, true, text);
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, m);
        awaitOutcome(m, OutboundDelivery.Status.DELIVERED);
        // a later message to the same teacher is delivered after both copies were consumed
        String after = "Следующее сообщение " + UUID.randomUUID();
        awaitOutcome(publish(teacher, "58", Kind.OPERATOR_REPLY, true, after), OutboundDelivery.Status.DELIVERED);

        assertThat(accepted(user, text)).isEqualTo(1);
        assertThat(KafkaProbe.all(Topics.OUTBOUND_DELIVERY, d -> d.messageId().equals(m.eventId()))).hasSize(1);
    }

    @Test
    void deliveriesApiIsForAdminsOnly() {
        web.get().uri("/api/admin/deliveries?status=FAILED").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/admin/deliveries?status=FAILED")
                .header("Authorization", "Bearer " + TestJwt.token("operator58", List.of("OPERATOR"), "58"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/admin/deliveries?status=LOST").header("Authorization", adminBearer())
                .exchange().expectStatus().isBadRequest();
        JsonNode list = EventCodec.mapper().readTree(web.get().uri("/api/admin/deliveries?status=DELIVERED&limit=5")
                .header("Authorization", adminBearer()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isLessThanOrEqualTo(5);
    }
}
