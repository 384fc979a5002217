package ru.rosobr.assistant.platform.messaging;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs an effect at most once per (consumer, event id): the id is recorded in the same transaction as the effect,
 * so a redelivered event finds its id and is skipped, and a failed effect leaves no id behind.
 */
public class IdempotentConsumer {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public IdempotentConsumer(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** Emits true when the effect ran, false when the event had been processed before. */
    public Mono<Boolean> process(String consumer, UUID eventId, Supplier<Mono<Void>> effect) {
        return tx.transactional(db.sql("insert into processed_events (consumer, event_id) values (:c, :id) "
                        + "on conflict do nothing")
                .bind("c", consumer)
                .bind("id", eventId)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? effect.get().thenReturn(true)
                        : Mono.just(false)));
    }
}
