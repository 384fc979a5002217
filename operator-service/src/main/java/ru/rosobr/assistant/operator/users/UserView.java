package ru.rosobr.assistant.operator.users;

import java.util.List;

/** A console user as the admin screens and the reassignment list show them (never with the password hash). */
public record UserView(String username, List<Role> roles, String region, String regionName, String fullName,
                       boolean enabled) {
    public UserView {
        roles = List.copyOf(roles);
    }
}
