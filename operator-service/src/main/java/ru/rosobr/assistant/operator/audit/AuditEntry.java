package ru.rosobr.assistant.operator.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One operator action: who, what, when, which appeal. */
public record AuditEntry(long id, String actor, String action, @Nullable UUID appealId, @Nullable String region,
                         @Nullable String details, Instant at) {
}
