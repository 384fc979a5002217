package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/** An answer stayed unrated for four days; the teacher is asked once. Written by followup-service. */
public record RatingReminderDue(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                                String teacherId) implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    public RatingReminderDue {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
    }

    public static RatingReminderDue of(UUID appealId, String region, String teacherId) {
        return new RatingReminderDue(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, teacherId);
    }
}
