package ru.rosobr.assistant.platform.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.platform.messaging.EventSubscription;

/**
 * The records this service's consumers gave up on ({@code dead_letters}), and their replay. A replay takes the same
 * path a delivery takes: the payload is decoded for its topic, its event id is recorded in {@code processed_events}
 * under the consumer's key, and the subscription's handler runs — all in one transaction. So a replay is idempotent:
 * an event already applied (replayed before, or delivered again since) is not applied twice, and a replay that fails
 * leaves nothing behind. A dead letter counts as pending until its event id is in {@code processed_events}; nothing
 * else marks it, so the table stays as the consumers write it.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** The event id of a payload, read without trusting the payload to be JSON (a dead letter may be anything). */
    static final String EVENT_ID = "substring(d.payload from '\"eventId\"\\s*:\\s*\"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\"')";
    private static final String REPLAYED = "exists (select 1 from processed_events p where p.consumer = d.consumer"
            + " || ':' || d.topic and p.event_id = (" + EVENT_ID + ")::uuid)";

    /** A dead letter; {@code eventId} is null when the payload names none (or is not JSON). */
    public record DeadLetter(long id, String consumer, String topic, int partition, long offset, @Nullable String key,
                             @Nullable String payload, String error, Instant failedAt, @Nullable String eventId,
                             boolean replayed) {
    }

    /** What a replay did. */
    public enum Outcome { REPLAYED, ALREADY_APPLIED }

    /** The dead letter cannot be replayed as it is (its payload is not an event of its topic, no consumer, …). */
    public static final class NotReplayable extends RuntimeException {
        public NotReplayable(String reason) {
            super(reason);
        }
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Map<String, EventSubscription<?>> byTopic;
    private final String group;

    public DeadLetters(DatabaseClient db, TransactionalOperator tx, List<EventSubscription<?>> subscriptions,
                       String group) {
        this.db = db;
        this.tx = tx;
        this.byTopic = new java.util.HashMap<>();
        subscriptions.forEach(s -> byTopic.putIfAbsent(s.topic().name(), s));
        this.group = group;
    }

    /** Newest first; {@code pendingOnly}: those whose event has not been applied since. */
    public Flux<DeadLetter> list(boolean pendingOnly, int limit) {
        return db.sql("select d.id, d.consumer, d.topic, d.kafka_partition, d.kafka_offset, d.record_key, d.payload, "
                        + "d.error, d.failed_at, " + EVENT_ID + " as event_id, " + REPLAYED + " as replayed "
                        + "from dead_letters d" + (pendingOnly ? " where not " + REPLAYED : "")
                        + " order by d.id desc limit :limit")
                .bind("limit", limit)
                .map((r, m) -> new DeadLetter(r.get("id", Long.class), r.get("consumer", String.class),
                        r.get("topic", String.class), r.get("kafka_partition", Integer.class),
                        r.get("kafka_offset", Long.class), r.get("record_key", String.class),
                        r.get("payload", String.class), r.get("error", String.class),
                        r.get("failed_at", Instant.class), r.get("event_id", String.class),
                        Boolean.TRUE.equals(r.get("replayed", Boolean.class))))
                .all();
    }

    /** How many dead letters still wait (their event not applied): the metric the alert watches. */
    public Mono<Long> pending() {
        return db.sql("select count(*) as n from dead_letters d where not " + REPLAYED)
                .map((r, m) -> r.get("n", Long.class)).one();
    }

    /** Applies the dead letter's event through the consumer path; empty when there is no such dead letter. */
    public Mono<Outcome> replay(long id) {
        return db.sql("select consumer, topic, payload from dead_letters where id = :id").bind("id", id)
                .map((r, m) -> new String[] {r.get("consumer", String.class), r.get("topic", String.class),
                        r.get("payload", String.class)})
                .one()
                .flatMap(row -> {
                    EventSubscription<?> subscription = byTopic.get(row[1]);
                    if (!group.equals(row[0]) || subscription == null) {
                        return Mono.error(new NotReplayable("Этот сервис больше не читает топик " + row[1]));
                    }
                    Event event;
                    try {
                        event = EventCodec.read(subscription.topic(), row[2]);
                    } catch (RuntimeException e) {
                        return Mono.error(new NotReplayable("Запись не читается как событие топика " + row[1]
                                + ": повторять её бесполезно"));
                    }
                    return apply(subscription, event, row[0] + ":" + row[1])
                            .doOnNext(o -> log.info("dead letter {} ({} event {}) replayed: {}", id, row[1],
                                    event.eventId(), o));
                });
    }

    private <T extends Event> Mono<Outcome> apply(EventSubscription<T> subscription, Event event, String consumer) {
        @SuppressWarnings("unchecked")
        T typed = (T) event;
        return db.sql("insert into processed_events (consumer, event_id) values (:c, :id) on conflict do nothing")
                .bind("c", consumer).bind("id", event.eventId())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.just(Outcome.ALREADY_APPLIED)
                        : Mono.defer(() -> subscription.handler().apply(List.of(typed))).thenReturn(Outcome.REPLAYED))
                .as(tx::transactional);
    }
}
