package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;

/** No answer within five working days of routing. Written by followup-service. */
public record AppealOverdue(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                            Instant deadline) implements AppealEvent {
    public static final int VERSION = 1;

    public AppealOverdue {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
    }

    public static AppealOverdue of(UUID appealId, String region, Instant deadline) {
        return new AppealOverdue(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, deadline);
    }
}
