package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.UserAddressed;

/**
 * A console user as they are now, after being created or changed (no name, no password: only what other services
 * act on). Written by operator-service, which owns the users; routing-service keeps its operator roster from it.
 */
public record StaffUserChanged(UUID eventId, Instant occurredAt, int schemaVersion, String username,
                               List<String> roles, String region, boolean enabled) implements UserAddressed {
    public static final int VERSION = 1;

    public StaffUserChanged {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(username);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static StaffUserChanged of(String username, List<String> roles, String region, boolean enabled) {
        return new StaffUserChanged(UUID.randomUUID(), Instant.now(), VERSION, username, roles, region, enabled);
    }

    public boolean operator() {
        return enabled && roles.contains("OPERATOR");
    }
}
