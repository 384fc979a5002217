package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.StaffAction;

/** A knowledge-base entry created, edited, verified, retired or restored in the KB editor, written by answer-service. */
public record KbAudited(UUID eventId, Instant occurredAt, int schemaVersion, String actor, String action,
                        String region, String details) implements StaffAction {
    public static final int VERSION = 1;

    public KbAudited {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
    }

    public static KbAudited of(String actor, String action, String region, String details) {
        return new KbAudited(UUID.randomUUID(), Instant.now(), VERSION, actor, action, region, details);
    }
}
