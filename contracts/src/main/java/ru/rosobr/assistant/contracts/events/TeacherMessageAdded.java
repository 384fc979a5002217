package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/**
 * The teacher wrote again while the appeal was with a specialist (routed, not yet answered): the message joins
 * the appeal's thread instead of opening a new appeal. Written by intake-service; the operator console shows it.
 *
 * @param messageId intake's id of the stored message
 */
public record TeacherMessageAdded(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                                  String teacherId, UUID messageId, String text)
        implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    public TeacherMessageAdded {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
        Objects.requireNonNull(text);
    }

    public static TeacherMessageAdded of(UUID appealId, String region, String teacherId, UUID messageId,
                                         String text) {
        return new TeacherMessageAdded(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, teacherId,
                messageId, text);
    }
}
