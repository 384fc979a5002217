package ru.rosobr.assistant.routing.roster;

import java.time.Instant;

/**
 * One operator on routing's roster.
 *
 * @param lastAssignedAt when the operator last got an appeal (null: never)
 * @param shiftChangedAt when the operator last came on or went off shift
 */
public record RosterEntry(String username, String region, boolean onShift, int openAppeals, Instant lastAssignedAt,
                          Instant shiftChangedAt) {

    /** Idle since the later of the last assignment and coming on shift. */
    public Instant idleSince() {
        return lastAssignedAt == null || lastAssignedAt.isBefore(shiftChangedAt) ? shiftChangedAt : lastAssignedAt;
    }
}
