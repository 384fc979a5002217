package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;

/**
 * A regional head (or federal staff, or an admin) handed the appeal to another operator of its region in the
 * console. Written by operator-service; routing-service applies it to its holder and load records and confirms the
 * new holder with {@code appeal.assigned} (routing stays the one writer of assignment decisions).
 *
 * @param fromOperator the operator who held the appeal before (null: it waited in a queue)
 * @param toOperator   the operator (username) who holds it now
 * @param reassignedBy the username of the person who made the change
 */
public record AppealReassigned(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                               String fromOperator, String toOperator, String reassignedBy, String reason)
        implements AppealEvent {
    public static final int VERSION = 1;

    public AppealReassigned {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
        Objects.requireNonNull(toOperator);
    }

    public static AppealReassigned of(UUID appealId, String region, String fromOperator, String toOperator,
                                      String reassignedBy, String reason) {
        return new AppealReassigned(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, fromOperator,
                toOperator, reassignedBy, reason);
    }
}
