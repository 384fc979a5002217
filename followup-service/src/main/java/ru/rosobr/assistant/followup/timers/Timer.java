package ru.rosobr.assistant.followup.timers;

import java.time.Instant;
import java.util.UUID;

/** One durable timer row. */
public record Timer(long id, UUID appealId, TimerKind kind, Instant dueAt, TimerState state, String teacherId,
                    String region, String payload, String cancelReason) {
}
