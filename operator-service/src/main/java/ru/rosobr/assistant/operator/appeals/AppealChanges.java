package ru.rosobr.assistant.operator.appeals;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import ru.rosobr.assistant.operator.appeals.internal.AppealRepository;

/**
 * The live feed of appeal changes behind {@code GET /api/console/stream}. Every console action and every consumed
 * event that changes an appeal calls {@link #changed}: the summary is read inside the change's transaction and put on
 * the feed only after that transaction commits, so a subscriber never sees a change that was rolled back. The sink
 * is multicast and best-effort: with no subscribers nothing is kept; each subscriber buffers on its own.
 */
public class AppealChanges {

    private static final Logger log = LoggerFactory.getLogger(AppealChanges.class);

    /**
     * One committed change.
     *
     * @param actor the user who made it (null: an event from another service); it is «read» for them
     */
    public record Change(AppealSummary appeal, String actor) {
    }

    private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();
    private final AppealRepository appeals;

    public AppealChanges(AppealRepository appeals) {
        this.appeals = appeals;
    }

    public Flux<Change> feed() {
        return sink.asFlux();
    }

    /** Publishes the appeal as it is after the surrounding transaction commits (at once without a transaction). */
    public Mono<Void> changed(UUID appealId, String actor) {
        return appeals.find(appealId)
                .map(row -> new Change(ConsoleService.summary(row), actor))
                .flatMap(change -> TransactionSynchronizationManager.forCurrentTransaction()
                        .flatMap(tx -> {
                            if (!tx.isSynchronizationActive()) {
                                publish(change);
                                return Mono.<Void>empty();
                            }
                            tx.registerSynchronization(new TransactionSynchronization() {
                                @Override
                                public Mono<Void> afterCommit() {
                                    return Mono.fromRunnable(() -> publish(change));
                                }
                            });
                            return Mono.<Void>empty();
                        })
                        .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(() -> publish(change))));
    }

    // emissions from several threads (HTTP handlers, Kafka consumers) must not overlap
    private synchronized void publish(Change change) {
        Sinks.EmitResult result = sink.tryEmitNext(change);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.warn("appeal {}: live update not delivered ({})", change.appeal().id(), result);
        }
    }
}
