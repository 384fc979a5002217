package ru.rosobr.assistant.platform.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.Topic;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.json.EventCodec;

/**
 * Appends events to the service's outbox table. Call it inside the transaction that changes the state the event
 * describes (a {@code TransactionalOperator} or an idempotent consumer's handler): both commit or neither does.
 */
public class Outbox {

    private final DatabaseClient db;
    private final String serviceName;

    public Outbox(DatabaseClient db, String serviceName) {
        this.db = db;
        this.serviceName = serviceName;
    }

    public <T extends Event> Mono<Void> append(T event) {
        @SuppressWarnings("unchecked")
        Topic<T> topic = (Topic<T>) Topics.of(event.getClass());
        // one writer per topic, enforced where the write happens
        if (!topic.writer().equals(serviceName)) {
            return Mono.error(new IllegalStateException(
                    serviceName + " may not write " + topic.name() + " (its writer is " + topic.writer() + ")"));
        }
        return db.sql("insert into outbox (event_id, topic, record_key, payload) values (:id, :topic, :key, :payload)")
                .bind("id", event.eventId())
                .bind("topic", topic.name())
                .bind("key", topic.keyOf(event))
                .bind("payload", EventCodec.write(event))
                .then();
    }
}
