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
import ru.rosobr.assistant.contracts.events.RatingReminderDue;
import ru.rosobr.assistant.followup.messages.Messages;
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

    public TimerScheduler(Timers timers, Outbox outbox, TransactionalOperator tx, Clock clock, Duration interval) {
        // stops before the outbox relay so that what fired last is still published
        super("followup-timers", interval, BATCH, Integer.MAX_VALUE - 150);
        this.timers = timers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
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
                yield outbox.append(new AppealOverdue(UUID.randomUUID(), now, AppealOverdue.VERSION,
                        t.appealId(), t.region(), t.dueAt()));
            }
        };
        return effect.then(timers.markFired(t.id(), now));
    }

    @Override
    protected int processBatch() {
        return fireDue();
    }
}
