package ru.rosobr.assistant.testkit.subscriptions;

import java.util.List;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;

/** Subscribes as answer-service does; its handler names another topic, which is no subscription. */
public final class Subscriber {

    private Subscriber() {
    }

    public static List<EventSubscription<?>> subscriptions() {
        return List.of(
                EventSubscription.on(Topics.APPEAL_RECEIVED, e ->
                        Mono.fromRunnable(() -> Topics.ANSWER_MATCHED.name())),
                EventSubscription.onBatch(Topics.KB_ENTRY_PUBLISHED, batch -> Mono.empty()),
                EventSubscription.on(Topics.AI_JUDGED, e -> Mono.empty()));
    }
}
