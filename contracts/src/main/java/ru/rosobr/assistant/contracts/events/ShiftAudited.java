package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.StaffAction;

/** An operator's shift started or ended, or an operator placed on the roster, written by routing-service. */
public record ShiftAudited(UUID eventId, Instant occurredAt, int schemaVersion, String actor, String action,
                           String region, String details) implements StaffAction {
    public static final int VERSION = 1;

    public ShiftAudited {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
    }

    public static ShiftAudited of(String actor, String action, String region, String details) {
        return new ShiftAudited(UUID.randomUUID(), Instant.now(), VERSION, actor, action, region, details);
    }
}
