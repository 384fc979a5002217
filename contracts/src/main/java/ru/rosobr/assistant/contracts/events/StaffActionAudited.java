package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.UserAddressed;

/**
 * An action a staff member took in a service other than operator-service (a registry import, a shift change, a KB
 * edit, a campaign step), for the console's audit log that operator-service keeps. One record type on four topics:
 * each writing service has a topic of its own (one writer per topic), keyed by the actor.
 *
 * @param actor   who did it (the console login; {@code system} for a scheduled step)
 * @param action  what was done, e.g. {@code SHIFT_START}: the audit log's action kind
 * @param region  the region the action concerns; null when it concerns no one region (federal staff see those)
 * @param details a short description for the log (no personal data of teachers)
 */
public record StaffActionAudited(UUID eventId, Instant occurredAt, int schemaVersion, String actor, String action,
                                 String region, String details) implements UserAddressed {
    public static final int VERSION = 1;

    public StaffActionAudited {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
    }

    public static StaffActionAudited of(String actor, String action, String region, String details) {
        return new StaffActionAudited(UUID.randomUUID(), Instant.now(), VERSION, actor, action, region, details);
    }

    @Override
    public String username() {
        return actor;
    }
}
