package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/** A verified teacher asked a question; a new appeal exists. Written by intake-service. */
public record AppealReceived(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                             String teacherId, Channel channel, String teacherFio, OrgType orgType,
                             String text, UUID messageId) implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    public AppealReceived {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
        Objects.requireNonNull(text);
    }

    public static AppealReceived of(UUID appealId, String region, String teacherId, Channel channel, String teacherFio,
                                    OrgType orgType, String text, UUID messageId) {
        return new AppealReceived(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, teacherId, channel,
                teacherFio, orgType, text, messageId);
    }
}
