package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.TeacherAddressed;

/**
 * A teacher's personal data was erased on request (152-ФЗ). Written by intake-service, which owns the teachers; every
 * service holding a copy (names, questions, messages of these appeals) removes it and keeps only what statistics
 * need (region, organisation type, dates, statuses, ratings).
 */
public record TeacherErased(UUID eventId, Instant occurredAt, int schemaVersion, String teacherId,
                            List<UUID> appealIds) implements TeacherAddressed {
    public static final int VERSION = 1;

    public TeacherErased {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(teacherId);
        appealIds = appealIds == null ? List.of() : List.copyOf(appealIds);
    }

    public static TeacherErased of(String teacherId, List<UUID> appealIds) {
        return new TeacherErased(UUID.randomUUID(), Instant.now(), VERSION, teacherId, appealIds);
    }
}
