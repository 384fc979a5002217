package ru.rosobr.assistant.contracts;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A Kafka topic bound to the one event type it carries and to the one service that writes it.
 *
 * @param name       versioned, dot-separated name, e.g. {@code appeal.received.v1}
 * @param eventType  the record carried on the topic
 * @param writer     the only service allowed to produce to the topic
 * @param partitions partition count
 * @param retention  how long the broker keeps records
 * @param key        what the record key is
 * @param readers    the services that consume the topic (each checks its subscriptions against this)
 */
public record Topic<T extends Event>(String name, Class<T> eventType, String writer, int partitions,
                                     Duration retention, Key key, Set<String> readers) {

    /** What a topic is keyed by; decides per-key ordering. */
    public enum Key { APPEAL_ID, TEACHER_ID, ENTRY_ID, USERNAME }

    public Topic {
        Objects.requireNonNull(name);
        Objects.requireNonNull(eventType);
        Objects.requireNonNull(writer);
        readers = Set.copyOf(readers);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + name);
        }
    }

    /** The record key for an event of this topic. */
    public String keyOf(T event) {
        return switch (key) {
            case APPEAL_ID -> String.valueOf(((AppealEvent) event).appealId());
            case TEACHER_ID -> ((TeacherAddressed) event).teacherId();
            case ENTRY_ID -> ((ru.rosobr.assistant.contracts.events.KbEntryPublished) event).entryId();
            case USERNAME -> ((UserAddressed) event).username();
        };
    }
}
