package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.UserAddressed;

/**
 * Access tokens that must no longer be accepted although their signature and lifetime are fine. Written by
 * operator-service (the token issuer); every gateway replica keeps the entries in memory until {@code validUntil}
 * (by then every token they cover has expired anyway).
 *
 * @param sessionId       the session ended by logout ({@code sid} claim of its tokens), or null
 * @param minTokenVersion tokens of the user with a lower {@code ver} claim are refused (disabled, role or region
 *                        changed, password changed); 0 when only one session ends
 * @param reason          LOGOUT, DISABLED, ROLES_CHANGED, PASSWORD_CHANGED, …
 * @param validUntil      when the last token this entry covers expires
 */
public record AccessRevoked(UUID eventId, Instant occurredAt, int schemaVersion, String username, String sessionId,
                            int minTokenVersion, String reason, Instant validUntil) implements UserAddressed {
    public static final int VERSION = 1;

    public AccessRevoked {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(username);
        Objects.requireNonNull(validUntil);
    }

    public static AccessRevoked session(String username, String sessionId, Instant validUntil) {
        return new AccessRevoked(UUID.randomUUID(), Instant.now(), VERSION, username, sessionId, 0, "LOGOUT",
                validUntil);
    }

    public static AccessRevoked userBefore(String username, int minTokenVersion, String reason, Instant validUntil) {
        return new AccessRevoked(UUID.randomUUID(), Instant.now(), VERSION, username, null, minTokenVersion, reason,
                validUntil);
    }
}
