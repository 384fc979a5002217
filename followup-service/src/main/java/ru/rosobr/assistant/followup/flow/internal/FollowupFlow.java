package ru.rosobr.assistant.followup.flow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.contracts.events.AppealSla.Stage;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.platform.calendar.DaytimeWindow;
import ru.rosobr.assistant.followup.calendar.AnswerDeadline;
import ru.rosobr.assistant.followup.messages.Messages;
import ru.rosobr.assistant.followup.timers.SlaPayload;
import ru.rosobr.assistant.followup.timers.TimerKind;
import ru.rosobr.assistant.followup.timers.Timers;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * Turns the appeal's lifecycle into messages for the teacher and into timers. Each handler runs inside the
 * consumer's transaction: the outbound message, the timer change and the processed-event record commit together.
 *
 * <p>Times (answer, assignment) are the events' own {@code occurredAt}, so a backlog after an outage does not
 * shift deadlines; the clock is the fallback and the scheduler's "now".
 */
public class FollowupFlow {

    private static final Logger log = LoggerFactory.getLogger(FollowupFlow.class);

    private final Outbox outbox;
    private final Timers timers;
    private final AnswerDeadline deadline;
    private final Clock clock;
    private final Duration reminderDelay;

    public FollowupFlow(Outbox outbox, Timers timers, AnswerDeadline deadline, Clock clock, Duration reminderDelay) {
        this.outbox = outbox;
        this.timers = timers;
        this.deadline = deadline;
        this.clock = clock;
        this.reminderDelay = reminderDelay;
    }

    /**
     * AI answers, a run at a time: the rating reminders in one statement. The answer itself goes to the teacher
     * from intake-service, which reads the same event.
     */
    public Mono<Void> onMatched(List<AnswerMatched> run) {
        List<Timers.Reminder> reminders = new ArrayList<>(run.size());
        for (AnswerMatched e : run) {
            if (missingTeacher(e.teacherId(), "appeal.answer.matched", e.appealId())) {
                continue;
            }
            reminders.add(new Timers.Reminder(e.appealId(), e.teacherId(), e.region(),
                    reminderDue(timeOf(e.occurredAt()), e.region()), Map.of("answer", "AI_ANSWER")));
        }
        return timers.scheduleReminders(reminders)
                .doOnNext(pending -> log.debug("{} AI answers: {} rating reminders pending", run.size(), pending))
                .then();
    }

    /**
     * First assignment: the deadline (one rule, {@link AnswerDeadline}) with its three timers — warning, overdue,
     * automatic escalation — the {@code appeal.sla} event that carries it to the console and the bot, and the
     * status message. A later assignment keeps the deadline; one to the federal queue after an escalation (manual
     * or automatic) ends the escalation timer and tells the teacher, once.
     */
    public Mono<Void> onAssigned(AppealAssigned e) {
        Instant assignedAt = timeOf(e.occurredAt());
        AnswerDeadline.Plan plan = deadline.plan(assignedAt, e.region());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assignedEvent", e.eventId().toString());
        payload.put("target", e.target().name());
        if (e.operatorId() != null) {
            payload.put("operatorId", e.operatorId());
        }
        payload.putAll(SlaPayload.of(plan));
        return timers.suspendReminder(e.appealId())
                .then(timers.startOverdue(e.appealId(), e.teacherId(), e.region(), plan.deadline(), payload))
                .flatMap(first -> {
                    if (!first) {
                        return e.target() == Target.FEDERAL_QUEUE && escalated(e) ? underFederalControl(e)
                                : Mono.fromRunnable(() -> log.info(
                                        "appeal {}: assigned again ({}), deadline and status stay as they were",
                                        e.appealId(), e.target()));
                    }
                    log.debug("appeal {}: handed to {} ({}), answer due by {} ({})", e.appealId(), e.target(),
                            e.operatorId(), plan.deadlineDay(), plan.zone());
                    Mono<Void> steps = timers.startStep(e.appealId(), TimerKind.WARNING, e.teacherId(), e.region(),
                                    plan.warningAt(), payload)
                            // the federal queue has no higher level to escalate to
                            .then(e.target() == Target.FEDERAL_QUEUE ? Mono.empty()
                                    : timers.startStep(e.appealId(), TimerKind.ESCALATION, e.teacherId(),
                                    e.region(), plan.escalateAt(), payload))
                            .then(outbox.append(SlaPayload.event(clock.instant(), e.appealId(), e.region(),
                                    Stage.DEADLINE_SET, e.teacherId(), plan, null)));
                    if (missingTeacher(e.teacherId(), "appeal.assigned", e.appealId())) {
                        return steps;
                    }
                    return steps.then(outbox.append(Messages.status(clock.instant(), e.teacherId(), e.region(),
                            e.appealId(), e.target(), plan.deadlineDay())));
                });
    }

    private Mono<Void> underFederalControl(AppealAssigned e) {
        return timers.markFederal(e.appealId()).flatMap(first -> {
            if (!first) {
                log.info("appeal {}: federal queue restated, the teacher was told already", e.appealId());
                return Mono.<Void>empty();
            }
            return timers.overdueOf(e.appealId()).flatMap(t -> {
                AnswerDeadline.Plan plan = SlaPayload.plan(t);
                String teacher = e.teacherId() != null ? e.teacherId() : t.teacherId();
                Mono<Void> event = outbox.append(SlaPayload.event(clock.instant(), e.appealId(), e.region(),
                        Stage.FEDERAL, teacher, plan, e.reason()));
                log.info("appeal {}: under federal control ({})", e.appealId(), e.reason());
                return teacher == null ? event
                        : event.then(outbox.append(Messages.federal(clock.instant(), teacher, e.region(),
                        e.appealId())));
            });
        });
    }

    public Mono<Void> onOperatorReplied(OperatorReplied e) {
        Instant repliedAt = timeOf(e.occurredAt());
        Mono<Void> cancel = timers.cancelOverdue(e.appealId(), e.teacherId(), e.region(), clock.instant())
                .then(outbox.append(SlaPayload.event(clock.instant(), e.appealId(), e.region(), Stage.ANSWERED,
                        e.teacherId(), null, null)));
        if (missingTeacher(e.teacherId(), "appeal.operator-replied", e.appealId())) {
            return cancel;
        }
        return outbox.append(Messages.operatorReply(clock.instant(), e.teacherId(), e.region(), e.appealId(),
                        e.text(), repliedAt))
                .then(cancel)
                .then(scheduleReminder(e.appealId(), e.teacherId(), e.region(), repliedAt, "OPERATOR_REPLY"));
    }

    public Mono<Void> onRated(AppealRated e) {
        log.debug("appeal {}: rated {}, pending reminder cancelled", e.appealId(), e.rating());
        return timers.cancelReminderRated(e.appealId());
    }

    /** Due {@code reminderDelay} after the answer, moved into the teacher's 08:00–19:00. */
    public Instant reminderDue(Instant answeredAt, String region) {
        return DaytimeWindow.nextAllowedInstant(answeredAt.plus(reminderDelay), Regions.zoneOf(region));
    }

    private Mono<Void> scheduleReminder(java.util.UUID appealId, String teacherId, String region, Instant answeredAt,
                                        String answerKind) {
        Instant due = reminderDue(answeredAt, region);
        return timers.scheduleReminder(appealId, teacherId, region, due, Map.of("answer", answerKind))
                .doOnNext(pending -> {
                    if (pending) {
                        log.debug("appeal {}: rating reminder at {}", appealId, due);
                    } else {
                        log.info("appeal {}: rating reminder already sent, not scheduled again", appealId);
                    }
                })
                .then();
    }

    private static boolean escalated(AppealAssigned e) {
        return e.reason() != null && e.reason().startsWith("ESCALATED");
    }

    private Instant timeOf(Instant occurredAt) {
        return occurredAt != null ? occurredAt : clock.instant();
    }

    /** An event without a teacher cannot be answered; it is logged and skipped instead of blocking the topic. */
    private static boolean missingTeacher(String teacherId, String topic, java.util.UUID appealId) {
        if (teacherId == null || teacherId.isBlank()) {
            log.warn("{} for appeal {} has no teacherId; no message can be sent", topic, appealId);
            return true;
        }
        return false;
    }
}
