package ru.rosobr.assistant.followup.timers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.contracts.events.AppealSla.Stage;
import ru.rosobr.assistant.contracts.events.RatingReminderDue;
import ru.rosobr.assistant.followup.calendar.AnswerDeadline;
import ru.rosobr.assistant.followup.messages.Messages;
import ru.rosobr.assistant.followup.timers.SlaPayload;
import ru.rosobr.assistant.followup.timers.Timer;
import ru.rosobr.assistant.followup.timers.Timers;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.worker.PollingWorker;

/**
 * Fires due timers. Each batch is one transaction: the timers are locked ({@code FOR UPDATE SKIP LOCKED}, so
 * several instances may poll side by side), their events go to the outbox, and they are marked fired — all or
 * nothing, so a timer fires exactly once in effect.
 */
public class TimerScheduler extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(TimerScheduler.class);
    private static final int BATCH = 100;

    private final Timers timers;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final int escalationWorkingDays;

    public TimerScheduler(Timers timers, Outbox outbox, TransactionalOperator tx, Clock clock, Duration interval,
                          int escalationWorkingDays) {
        // stops before the outbox relay so that what fired last is still published
        super("followup-timers", interval, BATCH, Integer.MAX_VALUE - 150);
        this.timers = timers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.escalationWorkingDays = escalationWorkingDays;
    }

    /** Fires one batch of timers due by the clock's now; returns how many fired. */
    public int fireDue() {
        Instant now = clock.instant();
        Long fired = tx.transactional(timers.lockDue(now, BATCH)
                        .flatMap(due -> Flux.fromIterable(due).concatMap(t -> fire(t, now).thenReturn(t)).count()))
                .block(Duration.ofSeconds(60));
        return fired == null ? 0 : fired.intValue();
    }

    private Mono<Void> fire(Timer t, Instant now) {
        Mono<Void> effect = switch (t.kind()) {
            case REMINDER -> {
                log.info("appeal {}: rating reminder due (region {})", t.appealId(), t.region());
                Mono<Void> message = t.teacherId() == null ? Mono.empty()
                        : outbox.append(Messages.ratingReminder(now, t.teacherId(), t.region(), t.appealId()));
                yield outbox.append(new RatingReminderDue(UUID.randomUUID(), now, RatingReminderDue.VERSION,
                        t.appealId(), t.region(), t.teacherId())).then(message);
            }
            case OVERDUE -> {
                log.info("appeal {}: overdue, deadline {} passed (region {})", t.appealId(), t.dueAt(), t.region());
                AnswerDeadline.Plan plan = SlaPayload.plan(t);
                Mono<Void> teacher = t.teacherId() == null || plan == null ? Mono.empty()
                        : outbox.append(Messages.overdue(now, t.teacherId(), t.region(), t.appealId(),
                        plan.deadlineDay()));
                yield outbox.append(new AppealOverdue(UUID.randomUUID(), now, AppealOverdue.VERSION,
                                t.appealId(), t.region(), t.dueAt()))
                        .then(outbox.append(SlaPayload.event(now, t.appealId(), t.region(), Stage.OVERDUE,
                                t.teacherId(), plan, null)))
                        .then(teacher);
            }
            case WARNING -> {
                log.info("appeal {}: deadline day, still unanswered (region {})", t.appealId(), t.region());
                yield outbox.append(SlaPayload.event(now, t.appealId(), t.region(), Stage.WARNING, t.teacherId(),
                        SlaPayload.plan(t), null));
            }
            case ESCALATION -> {
                AnswerDeadline.Plan plan = SlaPayload.plan(t);
                log.info("appeal {}: unanswered past the deadline, federal escalation due (region {})",
                        t.appealId(), t.region());
                yield outbox.append(SlaPayload.event(now, t.appealId(), t.region(), Stage.ESCALATION_DUE,
                        t.teacherId(), plan, escalationReason(plan)));
            }
        };
        return effect.then(timers.markFired(t.id(), now));
    }

    /** What the federal queue shows as the reason of an automatic escalation. */
    String escalationReason(AnswerDeadline.Plan plan) {
        String late = "нет ответа " + workingDays(escalationWorkingDays) + " после истечения срока";
        return "Автоматически: " + late + (plan == null ? "" : " (срок — до "
                + plan.deadlineDay().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + " 23:59 по времени региона)");
    }

    /** «1 рабочий день», «2 рабочих дня», «5 рабочих дней». */
    static String workingDays(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        String word = mod10 == 1 && mod100 != 11 ? "рабочий день"
                : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "рабочих дня" : "рабочих дней";
        return n + " " + word;
    }

    @Override
    protected int processBatch() {
        return fireDue();
    }
}
