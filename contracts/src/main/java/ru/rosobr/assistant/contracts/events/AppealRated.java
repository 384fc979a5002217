package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/** The teacher rated an answer 1–5. Written by intake-service. */
public record AppealRated(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                          String teacherId, int rating) implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    public AppealRated {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1..5: " + rating);
        }
    }

    public static AppealRated of(UUID appealId, String region, String teacherId, int rating) {
        return new AppealRated(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, teacherId, rating);
    }
}
