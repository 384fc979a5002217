package ru.rosobr.assistant.operator.users;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A console user as the admin screens and the reassignment list show them (never with the password hash).
 * {@code lockedUntil}: locked after repeated failed logins, until then (null when not locked).
 */
public record UserView(String username, List<Role> roles, @Nullable String region, @Nullable String regionName,
                       @Nullable String fullName, boolean enabled, @JsonIgnore int tokenVersion,
                       boolean mustChangePassword, @Nullable Instant lockedUntil) {
    public UserView {
        roles = List.copyOf(roles);
    }
}
