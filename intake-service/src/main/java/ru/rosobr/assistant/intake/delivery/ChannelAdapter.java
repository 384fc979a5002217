package ru.rosobr.assistant.intake.delivery;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.intake.teacher.Teacher;

/**
 * Delivers outbound messages to the teachers of one channel. One bean per channel; the delivery flow picks the
 * adapter of the teacher's channel.
 *
 * <p>{@link #deliver} runs inside the transaction of the consumed outbound.messages record (together with the
 * delivery record and the processed-event id). An adapter that stores the message itself (web chat) completes
 * there and returns DELIVERED; an adapter that talks to a remote platform should not call it inside a database
 * transaction: it returns PENDING (or HELD) and sends from its own worker, reporting the outcome through
 * {@link Deliveries}.
 */
public interface ChannelAdapter {

    Channel channel();

    Mono<DeliveryResult> deliver(Teacher teacher, OutboundMessage message);
}
