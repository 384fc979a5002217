package ru.rosobr.assistant.intake.delivery;

import java.util.UUID;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.intake.delivery.internal.DeliveryRepository;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * The record of every outbound message and what became of it. A final outcome (delivered, held, failed) is also
 * emitted on outbound.delivery, in the same transaction as the record.
 */
public class Deliveries {

    private final DeliveryRepository repository;
    private final Outbox outbox;

    public Deliveries(DeliveryRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    /** Registers a message to deliver; emits false when it had been registered before (a redelivered record). */
    public Mono<Boolean> register(OutboundMessage message) {
        return repository.insertPending(message);
    }

    /** Records the outcome of a delivery attempt and, unless still pending, emits it on outbound.delivery. */
    public Mono<Void> report(OutboundMessage message, Channel channel, DeliveryResult result) {
        return report(message.eventId(), message.teacherId(), message.appealId(), channel, result);
    }

    public Mono<Void> report(UUID messageId, String teacherId, UUID appealId, Channel channel, DeliveryResult result) {
        Mono<Void> update = repository.update(messageId, channel, result);
        OutboundDelivery.Status status = switch (result.status()) {
            case PENDING -> null;
            case DELIVERED -> OutboundDelivery.Status.DELIVERED;
            case HELD -> OutboundDelivery.Status.HELD;
            case FAILED -> OutboundDelivery.Status.FAILED;
        };
        if (status == null) {
            return update;
        }
        return update.then(outbox.append(OutboundDelivery.of(messageId, teacherId, appealId, channel, status,
                result.reason(), result.attempts())));
    }
}
