package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.StaffAction;

/** A campaign created, started, paused, resumed or cancelled, written by followup-service. */
public record CampaignAudited(UUID eventId, Instant occurredAt, int schemaVersion, String actor, String action,
                              String region, String details) implements StaffAction {
    public static final int VERSION = 1;

    public CampaignAudited {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
    }

    public static CampaignAudited of(String actor, String action, String region, String details) {
        return new CampaignAudited(UUID.randomUUID(), Instant.now(), VERSION, actor, action, region, details);
    }
}
