package ru.rosobr.assistant.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * Applies a polled batch of records in one database transaction: the dedupe rows of the whole batch in one bulk
 * insert, then each new event's effect in offset order (so per-appeal order holds), then the outbox rows the effects
 * appended (one bulk insert before the commit). Offsets are committed by the container after this returns.
 *
 * <p>When the batch transaction fails, nothing of it stays; the records are then applied one by one, each in its
 * own transaction, and the first that fails is reported as a {@link BatchListenerFailedException}: the container
 * commits the offsets before it and redelivers it (and what follows) with back-off, and after the retries hands it
 * to the dead-letter recoverer. A record that cannot be decoded is reported at once.
 */
final class EventBatches {

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, EventSubscription<?>> byTopic;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final String group;

    EventBatches(Map<String, EventSubscription<?>> byTopic, DatabaseClient db, TransactionalOperator tx,
                 String group) {
        this.byTopic = byTopic;
        this.db = db;
        this.tx = tx;
        this.group = group;
    }

    private record Decoded(ConsumerRecord<String, String> record, EventSubscription<?> subscription, Event event,
                           String consumer) {
        String dedupeKey() {
            return ProcessedEvents.key(consumer, event.eventId());
        }
    }

    void onBatch(List<ConsumerRecord<String, String>> records) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            EventSubscription<?> subscription = byTopic.get(record.topic());
            Event event;
            try {
                event = EventCodec.read(subscription.topic(), record.value());
            } catch (RuntimeException e) {
                // what came before still applies; the undecodable record is dead-lettered without retries
                applyInParts(decoded);
                throw new BatchListenerFailedException("undecodable record on " + record.topic(), e, record);
            }
            if (subscription.isRelevant(event)) {
                decoded.add(new Decoded(record, subscription, event, group + ":" + record.topic()));
            }
        }
        applyInParts(decoded);
    }

    private void applyInParts(List<Decoded> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            apply(batch);
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                throw new BatchListenerFailedException("event failed on " + batch.getFirst().record().topic(),
                        e, batch.getFirst().record());
            }
            log.warn("{}: a batch of {} failed and was rolled back ({}); applying its records one by one", group,
                    batch.size(), e.toString());
        }
        for (Decoded d : batch) {
            try {
                apply(List.of(d));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("event failed on " + d.record().topic(), e, d.record());
            }
        }
    }

    private void apply(List<Decoded> batch) {
        tx.transactional(fresh(batch).flatMap(fresh -> {
                    // consecutive new events of one subscription form a run its handler may apply in bulk
                    List<List<Decoded>> runs = new ArrayList<>();
                    for (Decoded d : batch) {
                        if (!fresh.remove(d.dedupeKey())) {
                            log.info("{}: event {} already processed, skipped", d.consumer(), d.event().eventId());
                            continue;
                        }
                        if (!runs.isEmpty() && runs.getLast().getFirst().subscription() == d.subscription()) {
                            runs.getLast().add(d);
                        } else {
                            runs.add(new ArrayList<>(List.of(d)));
                        }
                    }
                    return Flux.fromIterable(runs).concatMap(EventBatches::handle, 0).then();
                }))
                .block(TIMEOUT);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Event> Mono<Void> handle(List<Decoded> run) {
        EventSubscription<T> subscription = (EventSubscription<T>) run.getFirst().subscription();
        List<T> events = run.stream().map(d -> (T) d.event()).toList();
        return Mono.defer(() -> subscription.handler().apply(events));
    }

    /** Records the batch's event ids; emits the keys that were new (a repeated id in the batch counts once). */
    private Mono<Set<String>> fresh(List<Decoded> batch) {
        return ProcessedEvents.recordNew(db, batch.stream().map(Decoded::consumer).toList(),
                batch.stream().map(d -> d.event().eventId()).toList());
    }
}
