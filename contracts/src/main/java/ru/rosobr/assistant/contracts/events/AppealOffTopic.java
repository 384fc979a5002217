package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/** The question is not about documentary load; the teacher gets one polite decline. Written by answer-service. */
public record AppealOffTopic(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                             String teacherId, double score) implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    public AppealOffTopic {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
    }

    public static AppealOffTopic of(UUID appealId, String region, String teacherId, double score) {
        return new AppealOffTopic(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, teacherId, score);
    }
}
