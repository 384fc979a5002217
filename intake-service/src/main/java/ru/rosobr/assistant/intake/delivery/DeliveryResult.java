package ru.rosobr.assistant.intake.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * What a channel adapter did with an outbound message.
 *
 * @param status    PENDING: accepted for later sending (the adapter reports the outcome itself when it has one);
 *                  DELIVERED: the teacher's channel has it; HELD: waits until {@code notBefore};
 *                  FAILED: cannot be delivered, kept with the reason
 * @param reason    why it failed or is held; null when delivered
 * @param attempts  sending attempts so far
 * @param notBefore for HELD: the earliest moment to send
 */
public record DeliveryResult(Status status, String reason, int attempts, Instant notBefore) {

    public enum Status { PENDING, DELIVERED, HELD, FAILED }

    public DeliveryResult {
        Objects.requireNonNull(status);
    }

    public static DeliveryResult delivered(int attempts) {
        return new DeliveryResult(Status.DELIVERED, null, attempts, null);
    }

    public static DeliveryResult pending() {
        return new DeliveryResult(Status.PENDING, null, 0, null);
    }

    /** Accepted for sending by the delivery worker from {@code notBefore} on. */
    public static DeliveryResult pendingFrom(Instant notBefore) {
        return new DeliveryResult(Status.PENDING, null, 0, notBefore);
    }

    public static DeliveryResult held(Instant notBefore, String reason) {
        return new DeliveryResult(Status.HELD, reason, 0, notBefore);
    }

    public static DeliveryResult failed(String reason, int attempts) {
        return new DeliveryResult(Status.FAILED, reason, attempts, null);
    }
}
