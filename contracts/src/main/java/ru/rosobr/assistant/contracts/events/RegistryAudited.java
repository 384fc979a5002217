package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.StaffAction;

/** A staff action on the teacher registry (an import, a teacher disabled or enabled), written by intake-service. */
public record RegistryAudited(UUID eventId, Instant occurredAt, int schemaVersion, String actor, String action,
                              String region, String details) implements StaffAction {
    public static final int VERSION = 1;

    public RegistryAudited {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
    }

    public static RegistryAudited of(String actor, String action, String region, String details) {
        return new RegistryAudited(UUID.randomUUID(), Instant.now(), VERSION, actor, action, region, details);
    }
}
