package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/**
 * What became of one outbound message. Written by intake-service.
 *
 * @param region the teacher's region when known (analytics counts campaign outcomes per region); may be null
 * @param kind   the message's kind when known (campaign outcomes are told apart by it); may be null
 */
public record OutboundDelivery(UUID eventId, Instant occurredAt, int schemaVersion, UUID messageId, String teacherId,
                               UUID appealId, Channel channel, Status status, String reason, int attempts,
                               String region, OutboundMessage.Kind kind)
        implements TeacherAddressed {
    public static final int VERSION = 1;

    /**
     * DELIVERED: the platform accepted it; HELD: waits for the teacher's daytime; FAILED: kept with the reason;
     * READ: the platform reported that the teacher read it (VK only: MAX reports no reads to a bot).
     */
    public enum Status { DELIVERED, HELD, FAILED, READ }

    public OutboundDelivery {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(status);
    }

    public static OutboundDelivery of(UUID messageId, String teacherId, UUID appealId, Channel channel, Status status,
                                      String reason, int attempts) {
        return of(messageId, teacherId, appealId, channel, status, reason, attempts, null, null);
    }

    public static OutboundDelivery of(UUID messageId, String teacherId, UUID appealId, Channel channel, Status status,
                                      String reason, int attempts, String region, OutboundMessage.Kind kind) {
        return new OutboundDelivery(UUID.randomUUID(), Instant.now(), VERSION, messageId, teacherId, appealId, channel,
                status, reason, attempts, region, kind);
    }
}
