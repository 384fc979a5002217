package ru.rosobr.assistant.platform.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.Topic;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.platform.transaction.TransactionBuffers;
import ru.rosobr.assistant.platform.worker.WakeUp;

/**
 * Appends events to the service's outbox table. Call it inside the transaction that changes the state the event
 * describes (a {@code TransactionalOperator} or an idempotent consumer's handler): both commit or neither does.
 * Inside a transaction the rows are collected and written as one bulk insert just before the commit (in the order
 * they were appended), and the relay is woken once the commit is done; outside one, the row is written at once.
 */
public class Outbox {

    private final DatabaseClient db;
    private final String serviceName;
    private final WakeUp relayWakeUp;
    /** The service's own topics by event type, looked up once: one writer per topic, enforced where the write happens. */
    private final Map<Class<?>, Topic<?>> ownTopics = new HashMap<>();

    public Outbox(DatabaseClient db, String serviceName, WakeUp relayWakeUp) {
        this.db = db;
        this.serviceName = serviceName;
        this.relayWakeUp = relayWakeUp;
        Topics.writtenBy(serviceName).forEach(t -> ownTopics.put(t.eventType(), t));
    }

    public Outbox(DatabaseClient db, String serviceName) {
        this(db, serviceName, new WakeUp());
    }

    private record Row(String eventId, String topic, String key, String payload) {
    }

    public <T extends Event> Mono<Void> append(T event) {
        @SuppressWarnings("unchecked")
        Topic<T> topic = (Topic<T>) ownTopics.get(event.getClass());
        if (topic == null) {
            return Mono.error(new IllegalStateException(serviceName + " may not write "
                    + event.getClass().getSimpleName() + " (its topics and writers: " + Topics.carrying(event.getClass())
                    .stream().map(t -> t.name() + " by " + t.writer()).toList() + ")"));
        }
        Row row = new Row(event.eventId().toString(), topic.name(), topic.keyOf(event), EventCodec.write(event));
        return TransactionBuffers.add(this, row, this::insert, relayWakeUp::signal);
    }

    private Mono<Void> insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        int n = rows.size();
        String[] ids = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = r.eventId();
            topics[i] = r.topic();
            keys[i] = r.key();
            payloads[i] = r.payload();
        }
        // unnest keeps the array order, so seq follows the order of appends
        return db.sql("insert into outbox (event_id, topic, record_key, payload) "
                        + "select * from unnest(:ids::uuid[], :topics::text[], :keys::text[], :payloads::text[])")
                .bind("ids", ids)
                .bind("topics", topics)
                .bind("keys", keys)
                .bind("payloads", payloads)
                .then();
    }
}
