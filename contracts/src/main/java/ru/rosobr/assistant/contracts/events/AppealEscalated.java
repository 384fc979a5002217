package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;

/** The region hands the appeal to federal control. Written by operator-service. */
public record AppealEscalated(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                              String escalatedBy, String reason) implements AppealEvent {
    public static final int VERSION = 1;

    public AppealEscalated {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
    }

    public static AppealEscalated of(UUID appealId, String region, String escalatedBy, String reason) {
        return new AppealEscalated(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, escalatedBy, reason);
    }
}
