package ru.rosobr.assistant.intake.delivery;

import java.time.Instant;
import java.util.UUID;

/** One outbound message and what became of it, for the admin API. */
public record DeliveryView(UUID messageId, String teacherId, UUID appealId, String channel, String kind,
                           String origin, boolean urgent, String status, String reason, int attempts,
                           Instant notBefore, Instant createdAt, Instant updatedAt, Instant deliveredAt,
                           String text) {
}
