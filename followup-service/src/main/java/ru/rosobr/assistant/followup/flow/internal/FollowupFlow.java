package ru.rosobr.assistant.followup.flow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.platform.calendar.DaytimeWindow;
import ru.rosobr.assistant.platform.calendar.WorkingCalendar;
import ru.rosobr.assistant.followup.messages.Messages;
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
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Duration reminderDelay;
    private final int answerWorkingDays;

    public FollowupFlow(Outbox outbox, Timers timers, WorkingCalendar calendar, Clock clock, Duration reminderDelay,
                        int answerWorkingDays) {
        this.outbox = outbox;
        this.timers = timers;
        this.calendar = calendar;
        this.clock = clock;
        this.reminderDelay = reminderDelay;
        this.answerWorkingDays = answerWorkingDays;
    }

    public Mono<Void> onMatched(AnswerMatched e) {
        if (missingTeacher(e.teacherId(), "appeal.answer.matched", e.appealId())) {
            return Mono.empty();
        }
        Instant answeredAt = timeOf(e.occurredAt());
        return outbox.append(Messages.aiAnswer(clock.instant(), e.teacherId(), e.region(), e.appealId(),
                        e.answerText(), e.legalBasis()))
                .then(scheduleReminder(e.appealId(), e.teacherId(), e.region(), answeredAt, "AI_ANSWER"));
    }

    public Mono<Void> onOffTopic(AppealOffTopic e) {
        if (missingTeacher(e.teacherId(), "appeal.offtopic", e.appealId())) {
            return Mono.empty();
        }
        return outbox.append(Messages.decline(clock.instant(), e.teacherId(), e.region(), e.appealId()));
    }

    public Mono<Void> onAssigned(AppealAssigned e) {
        ZoneId zone = Regions.zoneOf(e.region());
        Instant assignedAt = timeOf(e.occurredAt());
        LocalDate deadlineDay = calendar.deadlineDate(assignedAt, zone, answerWorkingDays);
        Instant deadline = calendar.deadline(assignedAt, zone, answerWorkingDays);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assignedEvent", e.eventId().toString());
        payload.put("target", e.target().name());
        if (e.operatorId() != null) {
            payload.put("operatorId", e.operatorId());
        }
        payload.put("deadlineDay", deadlineDay.toString());
        return timers.suspendReminder(e.appealId())
                .then(timers.startOverdue(e.appealId(), e.teacherId(), e.region(), deadline, payload))
                .flatMap(first -> {
                    if (!first) {
                        log.info("appeal {}: assigned again ({}), deadline and status stay as they were",
                                e.appealId(), e.target());
                        return Mono.empty();
                    }
                    log.debug("appeal {}: handed to {} ({}), answer due by {} ({})", e.appealId(), e.target(),
                            e.operatorId(), deadlineDay, zone);
                    if (missingTeacher(e.teacherId(), "appeal.assigned", e.appealId())) {
                        return Mono.empty();
                    }
                    return outbox.append(Messages.status(clock.instant(), e.teacherId(), e.region(), e.appealId(),
                            e.target(), deadlineDay));
                });
    }

    public Mono<Void> onOperatorReplied(OperatorReplied e) {
        Instant repliedAt = timeOf(e.occurredAt());
        Mono<Void> cancel = timers.cancelOverdue(e.appealId(), e.teacherId(), e.region(), clock.instant());
        if (missingTeacher(e.teacherId(), "appeal.operator-replied", e.appealId())) {
            return cancel;
        }
        return outbox.append(Messages.operatorReply(clock.instant(), e.teacherId(), e.region(), e.appealId(),
                        e.text()))
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
