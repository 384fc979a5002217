package ru.rosobr.assistant.platform.messaging;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.Topic;

/**
 * Declares that this service consumes a topic. The handler runs inside a database transaction together with
 * the record of the event id, so an event is applied exactly once in effect even when Kafka redelivers it;
 * events the handler appends to the outbox commit in that same transaction.
 *
 * <p>Declare a feature's subscriptions as one {@link EventSubscriptions} bean (or one as a bean of its own):
 * {@code EventSubscription.on(Topics.APPEAL_RECEIVED, flow::onReceived)}, or, for a handler that writes a whole run
 * of events in a few bulk statements, {@code EventSubscription.onBatch(…)}.
 *
 * @param handler applies a run of new events of this topic, consecutive in the polled batch and in offset order
 *                (a run may hold events of several partitions, each partition's in order); it must keep that order
 *                for events of one key
 * @param relevant events the handler acts on; the others are passed over without a statement, not even a dedupe
 *                 row (they change nothing, so skipping them twice is the same as once)
 */
public record EventSubscription<T extends Event>(Topic<T> topic, Function<List<T>, Mono<Void>> handler,
                                                 Predicate<? super T> relevant) {

    public EventSubscription(Topic<T> topic, Function<List<T>, Mono<Void>> handler) {
        this(topic, handler, e -> true);
    }

    /** The same subscription acting only on the events {@code relevant} accepts (a topic read for a few of its events). */
    public EventSubscription<T> only(Predicate<? super T> relevant) {
        return new EventSubscription<>(topic, handler, relevant);
    }

    @SuppressWarnings("unchecked")
    boolean isRelevant(Event event) {
        return ((Predicate<Object>) relevant).test(event);
    }

    /** One event at a time, in order. */
    public static <T extends Event> EventSubscription<T> on(Topic<T> topic, Function<T, Mono<Void>> handler) {
        return new EventSubscription<>(topic, events -> Flux.fromIterable(events).concatMap(handler, 0).then());
    }

    /** A run of events at a time: the handler may read and write them in bulk. */
    public static <T extends Event> EventSubscription<T> onBatch(Topic<T> topic,
                                                                 Function<List<T>, Mono<Void>> handler) {
        return new EventSubscription<>(topic, handler);
    }
}
