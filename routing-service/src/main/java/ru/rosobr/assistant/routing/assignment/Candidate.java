package ru.rosobr.assistant.routing.assignment;

import java.time.Instant;
import java.util.Objects;

import ru.rosobr.assistant.routing.roster.RosterEntry;

/**
 * An operator of the appeal's region as routing sees them at decision time.
 *
 * @param username    the operator's login (becomes {@code operatorId} of the assignment)
 * @param onShift     whether the operator works now
 * @param openAppeals assigned and not yet answered
 * @param idleSince   since when the operator got nothing new: the later of the last assignment and coming on shift
 */
public record Candidate(String username, boolean onShift, int openAppeals, Instant idleSince) {
    public Candidate {
        Objects.requireNonNull(username);
        Objects.requireNonNull(idleSince);
    }

    public static Candidate of(RosterEntry entry) {
        return new Candidate(entry.username(), entry.onShift(), entry.openAppeals(), entry.idleSince());
    }
}
