package ru.rosobr.assistant.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealSla;
import ru.rosobr.assistant.contracts.events.AppealSla.Stage;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;
import ru.rosobr.assistant.contracts.events.RatingReminderDue;
import ru.rosobr.assistant.followup.timers.internal.TimerScheduler;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.OutboxProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;

/**
 * The follow-up service on the real broker and the real PostgreSQL. Time is a {@link MutableClock} that starts on
 * Tuesday 10.03.2026 at noon in Moscow and is moved forward by the tests, so a four-day reminder and a
 * five-working-day deadline fire in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "assistant.followup.poll-interval=PT0.2S")
@AutoConfigureWebTestClient(timeout = "30s")
class FollowupServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(T0);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "followup");
    }

    @Autowired
    MutableClock clock;

    @Autowired
    DatabaseClient db;

    @Autowired
    WebTestClient web;

    @Autowired
    TimerScheduler scheduler;

    private static String teacher() {
        return "t-" + UUID.randomUUID();
    }

    private static AnswerMatched matched(UUID appeal, String region, String teacherId, Instant at) {
        return new AnswerMatched(UUID.randomUUID(), at, AnswerMatched.VERSION, appeal, region, teacherId, "ktp",
                "ktp-1", 1, 0.91, "Тематическое планирование — раздел рабочей программы, а не отдельный документ.",
                "приказ Минпросвещения России № 779 от 06.11.2024");
    }

    private static AppealAssigned assigned(UUID appeal, String region, String teacherId, Instant at,
                                           AppealAssigned.Target target) {
        return new AppealAssigned(UUID.randomUUID(), at, AppealAssigned.VERSION, appeal, region, target,
                target == AppealAssigned.Target.OPERATOR ? "operator" + region : null, "test", teacherId,
                "Иванова Мария Петровна", OrgType.SCHOOL, "Нужно ли сдавать отчёт о погоде?", at, null, null, 0.1);
    }

    private static OperatorReplied replied(UUID appeal, String region, String teacherId, Instant at, String text) {
        return new OperatorReplied(UUID.randomUUID(), at, OperatorReplied.VERSION, appeal, region, teacherId,
                UUID.randomUUID(), "operator" + region, text);
    }

    private static OutboundMessage awaitOutbound(UUID appeal, Kind kind) {
        return KafkaProbe.await(Topics.OUTBOUND_MESSAGES, m -> appeal.equals(m.appealId()) && m.kind() == kind, WAIT);
    }

    private long outboxCount(UUID appeal, String topic, String contains) {
        return db.sql("select count(*) as n from outbox where topic = :t and payload like :a and payload like :c")
                .bind("t", topic)
                .bind("a", "%\"appealId\":\"" + appeal + "\"%")
                .bind("c", "%" + contains + "%")
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(WAIT).until(() -> db.sql("select count(*) as n from processed_events where event_id = :id")
                .bind("id", eventId).map((r, m) -> r.get("n", Long.class)).one().block() == 1L);
    }

    private record TimerRow(String state, Instant dueAt, String cancelReason) {
    }

    private TimerRow timer(UUID appeal, String kind) {
        return db.sql("select state, due_at, cancel_reason from timers where appeal_id = :a and kind = :k")
                .bind("a", appeal).bind("k", kind)
                .map((r, m) -> new TimerRow(r.get("state", String.class), r.get("due_at", Instant.class),
                        r.get("cancel_reason", String.class)))
                .one().block();
    }

    private TimerRow awaitTimer(UUID appeal, String kind) {
        return await().atMost(WAIT).until(() -> timer(appeal, kind), java.util.Objects::nonNull);
    }

    @Test
    void matchedAnswerSchedulesOneReminderInTheTeachersDaytimeAndLeavesTheMessageToIntake() {
        UUID appeal = UUID.randomUUID();
        String teacherId = teacher();
        AnswerMatched e = matched(appeal, "58", teacherId, T0);
        KafkaProbe.publish(Topics.ANSWER_MATCHED, e);
        KafkaProbe.publish(Topics.ANSWER_MATCHED, e); // redelivery

        // Moscow: noon + 4 days is daytime, so exactly four days later
        assertThat(awaitTimer(appeal, "REMINDER").dueAt()).isEqualTo(Instant.parse("2026-03-14T09:00:00Z"));
        // both copies consumed and whatever they wrote published: one reminder, and no message of followup's own
        // (intake-service sends the answer, reading the same event)
        KafkaProbe.awaitConsumed("followup-service", Topics.ANSWER_MATCHED, WAIT);
        OutboxProbe.awaitPublished(db, WAIT);
        assertThat(db.sql("select count(*) as n from timers where appeal_id = :a").bind("a", appeal)
                .map((r, m) -> r.get("n", Long.class)).one().block()).isEqualTo(1L);
        assertThat(outboxCount(appeal, Topics.OUTBOUND_MESSAGES.name(), "")).isZero();

        // Kamchatka: the same instant is 21:00 there, so the reminder waits for 08:00 local (20:00 UTC)
        UUID farEast = UUID.randomUUID();
        KafkaProbe.publish(Topics.ANSWER_MATCHED, matched(farEast, "41", teacher(), T0));
        assertThat(awaitTimer(farEast, "REMINDER").dueAt()).isEqualTo(Instant.parse("2026-03-14T20:00:00Z"));
    }

    @Test
    void answersPublishedTogetherAllCountAndTheLatestAnswerOfAnAppealSetsItsReminder() {
        UUID twice = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String teacherId = teacher();
        AnswerMatched first = matched(twice, "58", teacherId, T0);
        AnswerMatched second = matched(twice, "58", teacherId, T0.plusSeconds(3600));
        AnswerMatched third = matched(other, "41", teacher(), T0);
        // one send: the consumer gets them in one poll, as one run of the handler
        KafkaProbe.publishAll(Topics.ANSWER_MATCHED, List.of(first, second, third));

        awaitProcessed(third.eventId());
        awaitProcessed(second.eventId());
        assertThat(timer(twice, "REMINDER").dueAt()).isEqualTo(Instant.parse("2026-03-14T10:00:00Z"));
        assertThat(timer(other, "REMINDER").dueAt()).isEqualTo(Instant.parse("2026-03-14T20:00:00Z"));
    }

    @Test
    void firstAssignmentTellsTheDeadlineAndAReassignmentDoesNotRepeatIt() {
        UUID appeal = UUID.randomUUID();
        String teacherId = teacher();
        // Friday 06.03.2026, noon in Moscow; Sunday 8 March is moved to Monday 9 March
        Instant friday = Instant.parse("2026-03-06T09:00:00Z");
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, assigned(appeal, "58", teacherId, friday,
                AppealAssigned.Target.OPERATOR));

        OutboundMessage status = awaitOutbound(appeal, Kind.STATUS);
        assertThat(status.text())
                .isEqualTo("Ваш вопрос передан специалисту вашего региона, срок ответа — "
                        + "до 16.03.2026 23:59 (время вашего региона).");
        assertThat(status.urgent()).isTrue();
        assertThat(status.buttons()).extracting(OutboundMessage.Button::payload).containsExactly("status:" + appeal);
        AppealSla set = KafkaProbe.await(Topics.APPEAL_SLA, x -> x.appealId().equals(appeal), WAIT);
        assertThat(set.stage()).isEqualTo(Stage.DEADLINE_SET);
        assertThat(set.teacherId()).isEqualTo(teacherId);
        assertThat(set.deadlineDay()).isEqualTo(LocalDate.parse("2026-03-16"));
        assertThat(set.deadline()).isEqualTo(Instant.parse("2026-03-16T21:00:00Z"));
        assertThat(set.warningAt()).isEqualTo(Instant.parse("2026-03-16T06:00:00Z"));
        assertThat(timer(appeal, "OVERDUE").dueAt()).isEqualTo(Instant.parse("2026-03-16T21:00:00Z"));

        AppealAssigned again = assigned(appeal, "58", teacherId, friday.plus(Duration.ofDays(2)),
                AppealAssigned.Target.FEDERAL_QUEUE);
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, again);
        awaitProcessed(again.eventId());
        assertThat(outboxCount(appeal, Topics.OUTBOUND_MESSAGES.name(), "передан специалисту")).isEqualTo(1);
        assertThat(timer(appeal, "OVERDUE").dueAt()).isEqualTo(Instant.parse("2026-03-16T21:00:00Z"));
    }

    @Test
    void operatorReplyGoesOutWithRatingsStopsTheDeadlineAndSchedulesTheReminder() {
        UUID appeal = UUID.randomUUID();
        String teacherId = teacher();
        Instant at = clock.instant();
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, assigned(appeal, "33", teacherId, at,
                AppealAssigned.Target.OPERATOR));
        awaitOutbound(appeal, Kind.STATUS);

        String text = "Добрый день! Отчёт о погоде не входит в перечень документов учителя.";
        KafkaProbe.publish(Topics.OPERATOR_REPLIED, replied(appeal, "33", teacherId, at.plusSeconds(60), text));
        OutboundMessage reply = awaitOutbound(appeal, Kind.OPERATOR_REPLY);
        // the «answered» line with the reply's moment in the teacher's own region time, then the text
        assertThat(reply.text()).isEqualTo(ru.rosobr.assistant.followup.messages.Messages.answeredHeader(
                at.plusSeconds(60), "33") + "\n\n" + text);
        assertThat(reply.urgent()).isTrue();
        assertThat(reply.buttons()).hasSize(5).allMatch(b -> b.payload().startsWith("rate:" + appeal + ":"));

        TimerRow overdue = timer(appeal, "OVERDUE");
        assertThat(overdue.state()).isEqualTo("CANCELLED");
        assertThat(overdue.cancelReason()).isEqualTo("REPLIED");
        assertThat(timer(appeal, "REMINDER").state()).isEqualTo("PENDING");
    }

    @Test
    void reminderFiresOnceAndNotAfterARating() {
        String region = "58";
        UUID remind = UUID.randomUUID();
        UUID rated = UUID.randomUUID();
        String teacherA = teacher();
        String teacherB = teacher();
        Instant at = clock.instant();
        KafkaProbe.publish(Topics.ANSWER_MATCHED, matched(remind, region, teacherA, at));
        KafkaProbe.publish(Topics.ANSWER_MATCHED, matched(rated, region, teacherB, at));
        awaitTimer(remind, "REMINDER");
        awaitTimer(rated, "REMINDER");

        KafkaProbe.publish(Topics.APPEAL_RATED, AppealRated.of(rated, region, teacherB, 4));
        await().atMost(WAIT).until(() -> "CANCELLED".equals(timer(rated, "REMINDER").state()));

        Instant due = timer(remind, "REMINDER").dueAt();
        assertThat(due).isAfterOrEqualTo(at.plus(Duration.ofDays(4)));
        clock.advanceTo(due.plusSeconds(1));

        RatingReminderDue reminderDue = KafkaProbe.await(Topics.RATING_REMINDER_DUE,
                r -> r.appealId().equals(remind), WAIT);
        assertThat(reminderDue.teacherId()).isEqualTo(teacherA);
        OutboundMessage reminder = awaitOutbound(remind, Kind.RATING_REMINDER);
        assertThat(reminder.urgent()).isFalse();
        assertThat(reminder.text()).startsWith("Пожалуйста, оцените ответ на ваш вопрос");
        assertThat(reminder.buttons()).hasSize(5).allMatch(b -> b.payload().startsWith("rate:" + remind + ":"));
        assertThat(timer(remind, "REMINDER").state()).isEqualTo("FIRED");

        // the rated appeal: its reminder stays cancelled although it is long due
        assertThat(timer(rated, "REMINDER").state()).isEqualTo("CANCELLED");
        assertThat(outboxCount(rated, Topics.OUTBOUND_MESSAGES.name(), "RATING_REMINDER")).isZero();
        assertThat(outboxCount(rated, Topics.RATING_REMINDER_DUE.name(), "")).isZero();

        // a later answer to the reminded appeal does not bring a second reminder
        OperatorReplied later = replied(remind, region, teacherA, clock.instant(), "Дополнение к ответу.");
        KafkaProbe.publish(Topics.OPERATOR_REPLIED, later);
        awaitOutbound(remind, Kind.OPERATOR_REPLY);
        clock.advance(Duration.ofDays(10));
        scheduler.fireDue(); // one pass after the clock moved: nothing of this appeal is pending any more
        assertThat(timer(remind, "REMINDER").state()).isEqualTo("FIRED");
        assertThat(outboxCount(remind, Topics.OUTBOUND_MESSAGES.name(), "RATING_REMINDER")).isEqualTo(1);
        assertThat(outboxCount(remind, Topics.RATING_REMINDER_DUE.name(), "")).isEqualTo(1);
    }

    @Test
    void theSpecialistsReplyIsANewAnswerToRemindAboutEvenAfterTheAiAnswerWasRated() {
        UUID appeal = UUID.randomUUID();
        String teacherId = teacher();
        Instant at = clock.instant();
        KafkaProbe.publish(Topics.ANSWER_MATCHED, matched(appeal, "58", teacherId, at));
        awaitTimer(appeal, "REMINDER");
        KafkaProbe.publish(Topics.APPEAL_RATED, AppealRated.of(appeal, "58", teacherId, 2));
        await().atMost(WAIT).until(() -> "CANCELLED".equals(timer(appeal, "REMINDER").state()));
        assertThat(timer(appeal, "REMINDER").cancelReason()).isEqualTo("RATED");

        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, assigned(appeal, "58", teacherId, at.plusSeconds(60),
                AppealAssigned.Target.OPERATOR));
        awaitOutbound(appeal, Kind.STATUS);
        Instant replyAt = at.plusSeconds(3600);
        KafkaProbe.publish(Topics.OPERATOR_REPLIED, replied(appeal, "58", teacherId, replyAt, "Ответ специалиста."));
        awaitOutbound(appeal, Kind.OPERATOR_REPLY);
        TimerRow reminder = timer(appeal, "REMINDER");
        assertThat(reminder.dueAt()).isAfterOrEqualTo(replyAt.plus(Duration.ofDays(4)));
        assertThat(reminder.cancelReason()).isNull();
        assertThat(reminder.state()).isEqualTo("PENDING");
    }

    @Test
    void overdueFiresWhenNobodyRepliesInFiveWorkingDays() {
        UUID silent = UUID.randomUUID();
        UUID answered = UUID.randomUUID();
        String teacherA = teacher();
        String teacherB = teacher();
        Instant at = clock.instant();
        assignBoth("33", at, assigned(silent, "33", teacherA, at, AppealAssigned.Target.REGION_QUEUE), answered,
                teacherB);
        awaitOutbound(silent, Kind.STATUS);
        awaitOutbound(answered, Kind.STATUS);
        KafkaProbe.publish(Topics.OPERATOR_REPLIED, replied(answered, "33", teacherB, at.plusSeconds(5), "Ответ."));
        awaitOutbound(answered, Kind.OPERATOR_REPLY);

        Instant deadline = timer(silent, "OVERDUE").dueAt();
        assertThat(deadline).isAfter(at.plus(Duration.ofDays(5)));
        clock.advanceTo(deadline.plusSeconds(1));

        AppealOverdue overdue = KafkaProbe.await(Topics.APPEAL_OVERDUE, o -> o.appealId().equals(silent), WAIT);
        assertThat(overdue.deadline()).isEqualTo(deadline);
        assertThat(overdue.region()).isEqualTo("33");
        assertThat(timer(silent, "OVERDUE").state()).isEqualTo("FIRED");
        assertThat(timer(answered, "OVERDUE").state()).isEqualTo("CANCELLED");
        assertThat(outboxCount(answered, Topics.APPEAL_OVERDUE.name(), "")).isZero();
    }

    /**
     * The whole ladder at both ends of the country, across the New Year holidays (2027 is not in the calendar
     * file: art. 112 applies, 1–8 January off; 31.12.2026 is off by the 2026 decree). Assigned at the same instant,
     * 28.12.2026 13:00 UTC: Monday 15:00 in Kaliningrad (UTC+2), already Tuesday 01:00 in Chukotka (UTC+12), so the
     * deadlines fall on different days. Each step is first checked not to fire a second early.
     */
    @Test
    void warningOverdueAndAutomaticEscalationFollowTheCalendarAndTheRegionsClock() {
        Instant at = Instant.parse("2026-12-28T13:00:00Z");
        String westTeacher = teacher();
        String eastTeacher = teacher();
        AppealAssigned westAssigned = assigned(UUID.randomUUID(), "39", westTeacher, at,
                AppealAssigned.Target.OPERATOR);
        UUID west = westAssigned.appealId();
        UUID east = UUID.randomUUID();
        assignBoth("87", at, westAssigned, east, eastTeacher);

        AppealSla westSet = awaitSla(west, Stage.DEADLINE_SET);
        assertThat(westSet.deadlineDay()).isEqualTo(LocalDate.parse("2027-01-13"));
        assertThat(westSet.warningAt()).isEqualTo(Instant.parse("2027-01-13T07:00:00Z"));
        assertThat(westSet.deadline()).isEqualTo(Instant.parse("2027-01-13T22:00:00Z"));
        assertThat(westSet.escalateAt()).isEqualTo(Instant.parse("2027-01-15T22:00:00Z"));
        AppealSla eastSet = awaitSla(east, Stage.DEADLINE_SET);
        assertThat(eastSet.deadlineDay()).isEqualTo(LocalDate.parse("2027-01-14"));
        assertThat(eastSet.warningAt()).isEqualTo(Instant.parse("2027-01-13T21:00:00Z"));
        assertThat(eastSet.deadline()).isEqualTo(Instant.parse("2027-01-14T12:00:00Z"));
        assertThat(eastSet.escalateAt()).isEqualTo(Instant.parse("2027-01-18T12:00:00Z"));
        assertThat(awaitOutbound(east, Kind.STATUS).text()).contains("до 14.01.2027 23:59 (время вашего региона)");

        // 09:00 in Kaliningrad on its deadline day: the west appeal is warned, the east one is not yet
        stepAt(westSet.warningAt(), west, Stage.WARNING);
        assertThat(outboxCount(east, Topics.APPEAL_SLA.name(), "\"stage\":\"WARNING\"")).isZero();
        stepAt(eastSet.warningAt(), east, Stage.WARNING);

        // after 23:59:59 local of the last day: overdue, and the teacher is told (held for the daytime)
        stepAt(westSet.deadline(), west, Stage.OVERDUE);
        KafkaProbe.await(Topics.APPEAL_OVERDUE, o -> o.appealId().equals(west), WAIT);
        OutboundMessage late = KafkaProbe.await(Topics.OUTBOUND_MESSAGES,
                m -> west.equals(m.appealId()) && m.text().contains("задерживается"), WAIT);
        assertThat(late.teacherId()).isEqualTo(westTeacher);
        assertThat(late.urgent()).isFalse();
        assertThat(late.text()).contains("до 13.01.2027 23:59 (время вашего региона)").contains("на контроле");
        stepAt(eastSet.deadline(), east, Stage.OVERDUE);

        // two working days later still unanswered: due for federal control, with the reason the queue shows
        AppealSla westDue = stepAt(westSet.escalateAt(), west, Stage.ESCALATION_DUE);
        assertThat(westDue.reason()).contains("2 рабочих дня").contains("13.01.2027");
        assertThat(outboxCount(east, Topics.APPEAL_SLA.name(), "ESCALATION_DUE")).isZero();
        stepAt(eastSet.escalateAt(), east, Stage.ESCALATION_DUE);

        // operator-service escalates, routing moves it to the federal queue: the teacher is told once
        AppealAssigned federal = escalatedAssignment(west, "39", westTeacher);
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, federal);
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, escalatedAssignment(west, "39", westTeacher));
        assertThat(awaitSla(west, Stage.FEDERAL).reason()).startsWith("ESCALATED");
        OutboundMessage told = KafkaProbe.await(Topics.OUTBOUND_MESSAGES,
                m -> west.equals(m.appealId()) && m.text().contains("федеральный контроль"), WAIT);
        assertThat(told.teacherId()).isEqualTo(westTeacher);
        awaitProcessedAll(west);
        assertThat(outboxCount(west, Topics.OUTBOUND_MESSAGES.name(), "федеральный контроль")).isEqualTo(1);
        assertThat(timer(west, "ESCALATION").state()).isEqualTo("FIRED");
    }

    @Test
    void aReplyStopsTheWarningAndTheEscalationAndTheHeadsEscalationEndsTheTimer() {
        // one teacher, two appeals with specialists: one answered in time, one the head escalates
        String teacherId = teacher();
        UUID answered = UUID.randomUUID();
        UUID byHead = UUID.randomUUID();
        Instant at = clock.instant();
        assignBoth("58", at, assigned(answered, "58", teacherId, at, AppealAssigned.Target.OPERATOR), byHead,
                teacherId);
        List.of(answered, byHead).forEach(a -> awaitSla(a, Stage.DEADLINE_SET));

        KafkaProbe.publish(Topics.OPERATOR_REPLIED, replied(answered, "58", teacherId, at.plusSeconds(5), "Ответ."));
        assertThat(awaitSla(answered, Stage.ANSWERED).teacherId()).isEqualTo(teacherId);
        assertThat(timer(answered, "WARNING").state()).isEqualTo("CANCELLED");
        assertThat(timer(answered, "ESCALATION").state()).isEqualTo("CANCELLED");

        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, escalatedAssignment(byHead, "58", teacherId));
        awaitSla(byHead, Stage.FEDERAL);
        KafkaProbe.await(Topics.OUTBOUND_MESSAGES,
                m -> byHead.equals(m.appealId()) && m.text().contains("федеральный контроль"), WAIT);
        TimerRow escalation = timer(byHead, "ESCALATION");
        assertThat(escalation.state()).isEqualTo("CANCELLED");
        assertThat(escalation.cancelReason()).isEqualTo("FEDERAL");
        assertThat(timer(byHead, "WARNING").state()).isEqualTo("PENDING");
    }

    /** Publishes {@code first} and an operator assignment of {@code second} in {@code region} at the same moment. */
    private static void assignBoth(String region, Instant at, AppealAssigned first, UUID second, String teacherId) {
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, first);
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, assigned(second, region, teacherId, at,
                AppealAssigned.Target.OPERATOR));
    }

    private static AppealAssigned escalatedAssignment(UUID appeal, String region, String teacherId) {
        return new AppealAssigned(UUID.randomUUID(), Instant.now(), AppealAssigned.VERSION, appeal, region,
                AppealAssigned.Target.FEDERAL_QUEUE, null, "ESCALATED", teacherId, "Иванова Мария Петровна",
                OrgType.SCHOOL, "Нужно ли сдавать отчёт о погоде?", null, null, null, 0.1);
    }

    private static AppealSla awaitSla(UUID appeal, Stage stage) {
        return KafkaProbe.await(Topics.APPEAL_SLA, x -> x.appealId().equals(appeal) && x.stage() == stage, WAIT);
    }

    /** One second early nothing of {@code stage} has fired for the appeal; at the moment itself it does. */
    private AppealSla stepAt(Instant moment, UUID appeal, Stage stage) {
        clock.advanceTo(moment.minusSeconds(1));
        scheduler.fireDue(); // everything due before the moment has fired by now
        assertThat(outboxCount(appeal, Topics.APPEAL_SLA.name(), "\"stage\":\"" + stage + "\"")).isZero();
        clock.advanceTo(moment);
        return awaitSla(appeal, stage);
    }

    /** Every assignment published for the appeal has been consumed. */
    private void awaitProcessedAll(UUID appeal) {
        await().atMost(WAIT).until(() -> KafkaProbe.all(Topics.APPEAL_ASSIGNED, a -> a.appealId().equals(appeal))
                .stream().allMatch(a -> db.sql("select count(*) as n from processed_events where event_id = :id")
                        .bind("id", a.eventId()).map((r, m) -> r.get("n", Long.class)).one().block() == 1L));
    }

    @Test
    void deadlineEndpointUsesTheSameCalendar() {
        web.get().uri("/api/followup/deadline?region=58&from=2025-12-26T07:00:00Z").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.deadlineDay").isEqualTo("2026-01-14")
                .jsonPath("$.deadline").isEqualTo("2026-01-14T21:00:00Z")
                .jsonPath("$.warningAt").isEqualTo("2026-01-14T06:00:00Z")
                .jsonPath("$.workingDays").isEqualTo(5);
        web.get().uri("/api/followup/deadline?region=99").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("код региона"));
        web.get().uri("/api/followup/deadline?region=58&from=вчера").exchange().expectStatus().isBadRequest();
    }
}
