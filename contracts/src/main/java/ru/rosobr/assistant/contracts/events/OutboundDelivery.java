package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/** What became of one outbound message. Written by intake-service. */
public record OutboundDelivery(UUID eventId, Instant occurredAt, int schemaVersion, UUID messageId, String teacherId,
                               UUID appealId, Channel channel, Status status, String reason, int attempts)
        implements TeacherAddressed {
    public static final int VERSION = 1;

    /** DELIVERED: the platform accepted it; HELD: waits for the teacher's daytime; FAILED: kept with the reason. */
    public enum Status { DELIVERED, HELD, FAILED }

    public OutboundDelivery {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(status);
    }

    public static OutboundDelivery of(UUID messageId, String teacherId, UUID appealId, Channel channel, Status status,
                                      String reason, int attempts) {
        return new OutboundDelivery(UUID.randomUUID(), Instant.now(), VERSION, messageId, teacherId, appealId, channel,
                status, reason, attempts);
    }
}
