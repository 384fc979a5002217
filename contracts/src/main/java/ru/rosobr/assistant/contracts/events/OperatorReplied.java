package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/** An operator (or federal staff) answered the teacher. Written by operator-service. */
public record OperatorReplied(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                              String teacherId, UUID replyId, String operatorId, String text)
        implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    public OperatorReplied {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
        Objects.requireNonNull(text);
    }

    public static OperatorReplied of(UUID appealId, String region, String teacherId, UUID replyId, String operatorId,
                                     String text) {
        return new OperatorReplied(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, teacherId, replyId,
                operatorId, text);
    }
}
