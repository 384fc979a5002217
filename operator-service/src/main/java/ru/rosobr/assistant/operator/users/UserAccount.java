package ru.rosobr.assistant.operator.users;

import java.util.List;

/** A console user as the rest of the service sees them: never with the password hash. */
public record UserAccount(String username, List<Role> roles, String region, String fullName, int tokenVersion,
                          boolean mustChangePassword) {
    public UserAccount {
        roles = List.copyOf(roles);
    }
}
