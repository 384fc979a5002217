package ru.rosobr.assistant.platform.messaging;

import java.util.function.Function;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.Topic;

/**
 * Declares that this service consumes a topic. The handler runs inside a database transaction together with
 * the record of the event id, so an event is applied exactly once in effect even when Kafka redelivers it;
 * events the handler appends to the outbox commit in that same transaction.
 *
 * <p>Declare one as a bean: {@code EventSubscription.on(Topics.APPEAL_RECEIVED, flow::onReceived)}.
 */
public record EventSubscription<T extends Event>(Topic<T> topic, Function<T, Mono<Void>> handler) {

    public static <T extends Event> EventSubscription<T> on(Topic<T> topic, Function<T, Mono<Void>> handler) {
        return new EventSubscription<>(topic, handler);
    }
}
