package ru.rosobr.assistant.operator.audit;

import java.time.Instant;
import java.util.UUID;

/** One operator action: who, what, when, which appeal. */
public record AuditEntry(long id, String actor, String action, UUID appealId, String region, String details,
                         Instant at) {
}
