package ru.rosobr.assistant.routing.roster.internal;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.StaffUserChanged;
import ru.rosobr.assistant.routing.roster.Roster;

/**
 * Keeps the roster in step with the console's user directory ({@code staff.users}, written by operator-service): an
 * enabled user with the OPERATOR role and a region is on the roster (off shift until they start one; a new region
 * moves them), anyone else is taken off it. Appeals a removed operator still holds stay with them until a head
 * reassigns them in the console; no new appeal goes to them.
 */
public class StaffUsers {

    private final Roster roster;

    public StaffUsers(Roster roster) {
        this.roster = roster;
    }

    public Mono<Void> onChanged(StaffUserChanged e) {
        if (e.operator() && e.region() != null) {
            return roster.upsert(e.username(), e.region()).then();
        }
        return roster.remove(e.username());
    }
}
