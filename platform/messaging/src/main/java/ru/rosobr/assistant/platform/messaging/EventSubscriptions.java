package ru.rosobr.assistant.platform.messaging;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What a feature consumes, declared as one bean: {@code EventSubscriptions.of(EventSubscription.on(…), …)}. The
 * platform runs these together with any single {@link EventSubscription} beans.
 */
public record EventSubscriptions(List<EventSubscription<?>> all) {

    public EventSubscriptions {
        all = List.copyOf(all);
    }

    public static EventSubscriptions of(EventSubscription<?>... subscriptions) {
        return new EventSubscriptions(Arrays.asList(subscriptions));
    }

    /** Every subscription of the context: single beans, then the lists, each in bean order. */
    public static List<EventSubscription<?>> collect(ObjectProvider<EventSubscription<?>> single,
                                                     ObjectProvider<EventSubscriptions> lists) {
        return Stream.concat(single.orderedStream(), lists.orderedStream().flatMap(l -> l.all().stream())).toList();
    }
}
