package ru.rosobr.assistant.intake.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.delivery.internal.DeliveryRepository;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.transaction.TransactionBuffers;
import ru.rosobr.assistant.platform.worker.GroupCommit;

/**
 * The record of every outbound message and what became of it. A final outcome (delivered, held, failed) of an
 * outbound.messages event is also emitted on outbound.delivery, in the same transaction as the record.
 * Messages for the messenger platforms are sent by the delivery worker from this record, so nothing queued here is
 * lost when a platform is down or the service restarts.
 */
public class Deliveries {

    private final DeliveryRepository repository;
    private final Outbox outbox;
    /** Wakes the delivery worker when a message was queued (after the commit), instead of waiting for its poll. */
    private final Sinks.Many<Boolean> queued = Sinks.many().multicast().directBestEffort();
    private static final int MARKS_PER_STATEMENT = 256;
    private final GroupCommit<DeliveryRepository.PartMark> marks;
    /** The key of a transaction's buffer of replies. */
    private final Object replies = new Object();

    public Deliveries(DeliveryRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
        this.marks = new GroupCommit<>(repository::partsInFlight, MARKS_PER_STATEMENT);
    }

    /** An outbound message and what its channel adapter decided (send now, hold, or that it cannot go). */
    public record Registration(OutboundMessage message, Channel channel, DeliveryResult result) {
    }

    /**
     * Registers messages to deliver, each with its adapter's decision, in one insert; unless a message waits for
     * the worker, its outcome goes to outbound.delivery. A message registered before (a redelivered record) is
     * left as it is. Emits the registrations that were new.
     */
    public Mono<List<Registration>> register(List<Registration> registrations) {
        return repository.insert(registrations).flatMap(fresh -> {
            List<Registration> added = registrations.stream()
                    .filter(r -> fresh.contains(r.message().eventId())).toList();
            boolean wake = false;
            List<Mono<Void>> events = new ArrayList<>();
            for (Registration r : added) {
                OutboundDelivery.Status status = switch (r.result().status()) {
                    case PENDING -> null;
                    case DELIVERED -> OutboundDelivery.Status.DELIVERED;
                    case HELD -> OutboundDelivery.Status.HELD;
                    case FAILED -> OutboundDelivery.Status.FAILED;
                };
                if (status == null) {
                    wake = true;
                } else {
                    OutboundMessage m = r.message();
                    events.add(outbox.append(OutboundDelivery.of(m.eventId(), m.teacherId(), m.appealId(),
                            r.channel(), status, r.result().reason(), r.result().attempts(), m.region(), m.kind())));
                }
            }
            return Flux.concat(events).then(wake ? wakeWorkerAfterCommit() : Mono.empty()).thenReturn(added);
        });
    }

    /**
     * Queues intake's own reply to a teacher of a messenger channel (greeting, refusal, region choice) or, with a
     * {@code callbackId}, the answer to a button press. Call inside the transaction that handles the teacher's
     * update: the reply is sent only if that commits.
     */
    public Mono<Void> enqueueReply(String teacherId, UUID appealId, Channel channel, String kind, String text,
                                   List<Button> buttons, String callbackId, Instant now) {
        DeliveryRepository.Reply reply = new DeliveryRepository.Reply(UUID.randomUUID(), teacherId, appealId, channel,
                kind, text, buttons, callbackId, now);
        // inside a transaction the replies of all its updates are queued in one insert just before it commits, and
        // the worker is woken once it committed
        return TransactionBuffers.add(replies, reply, repository::insertReplies, this::wake);
    }

    /**
     * Signals the worker once the current transaction commits (at once without a transaction) — once per
     * transaction, however many messages it queued.
     */
    private Mono<Void> wakeWorkerAfterCommit() {
        return TransactionBuffers.current(queued, () -> Boolean.TRUE, signal -> Mono.empty(), signal -> wake())
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    wake();
                    return Boolean.TRUE;
                }))
                .then();
    }

    public void wake() {
        queued.tryEmitNext(Boolean.TRUE);
    }

    /** Signals that something was queued (for the worker). */
    public Flux<Boolean> wakeUps() {
        return queued.asFlux();
    }

    // ---- the delivery worker's side ----

    /** Up to {@code batch} urgent and {@code bulk} non-urgent messages due (urgent ones first). */
    public Flux<PendingDelivery> claimDue(Instant now, List<Channel> channels, int batch, int bulk,
                                          Instant leaseUntil) {
        return repository.claimDue(now, channels, batch, bulk, leaseUntil);
    }

    /**
     * The request for a part goes out now; found still set on a later claim, the part is in doubt. The marks of
     * parts going out at the same moment share one statement; each request waits for its own mark.
     */
    public Mono<Void> partInFlight(UUID messageId, int part) {
        return marks.write(new DeliveryRepository.PartMark(messageId, part));
    }

    /**
     * A part of a long message reached the platform: it is never sent again. {@code platformMessageId}: the
     * platform's id of that part, when it told one (VK), kept in the same statement.
     */
    public Mono<Void> partSent(UUID messageId, int partsSent, String platformMessageId) {
        return repository.partSent(messageId, partsSent, platformMessageId);
    }

    /**
     * A message the platform took: the number of its parts (all sent), the requests it took and the platform's id
     * of its last part, when it told one (VK reports reads as "up to message id N").
     */
    public record Sent(PendingDelivery delivery, int parts, int attempts, String platformMessageId) {
    }

    /**
     * The platform took these messages: recorded in one statement, with their outcome events. Call inside a
     * transaction: the events commit with the record.
     */
    public Mono<Void> delivered(List<Sent> sent, Instant now) {
        if (sent.isEmpty()) {
            return Mono.empty();
        }
        Mono<Void> update = repository.delivered(sent.stream().map(x -> x.delivery().messageId()).toList(),
                sent.stream().map(Sent::attempts).toList(), sent.stream().map(Sent::parts).toList(),
                sent.stream().map(Sent::platformMessageId).toList(), now);
        return update.then(Flux.fromIterable(sent)
                .filter(x -> x.delivery().isOutbound())
                .concatMap(x -> outbox.append(OutboundDelivery.of(x.delivery().messageId(), x.delivery().teacherId(),
                        x.delivery().appealId(), x.delivery().channel(), OutboundDelivery.Status.DELIVERED, null,
                        x.attempts(), x.delivery().region(), kindOf(x.delivery()))), 0)
                .then());
    }

    /**
     * A non-urgent message came due again (a retry after a failure, or a lease that ran out) outside the teacher's
     * 08:00–19:00: it waits for the next morning instead of going out, and outbound.delivery says HELD as it does
     * for the first hold. Call inside a transaction.
     */
    public Mono<Void> heldAgain(PendingDelivery d, String reason, Instant until) {
        Mono<Void> update = repository.held(d.messageId(), reason, until);
        if (!d.isOutbound()) {
            return update;
        }
        return update.then(outbox.append(OutboundDelivery.of(d.messageId(), d.teacherId(), d.appealId(), d.channel(),
                OutboundDelivery.Status.HELD, reason, d.attempts(), d.region(), kindOf(d))));
    }

    /**
     * A round failed: the message stays FAILED with the reason and is tried again at {@code retryAt} (null: given
     * up). FAILED goes to outbound.delivery when the message first fails and when it is given up, not on every
     * round. Call inside a transaction. {@code stillInDoubt}: the part in flight stays marked (the round could not
     * find out whether it was shown), so the next round looks it up again.
     */
    public Mono<Void> failed(PendingDelivery d, int attempts, String reason, Instant firstFailedAt, Instant retryAt,
                             boolean stillInDoubt) {
        Mono<Void> update = repository.failed(d.messageId(), attempts, d.failedRounds() + 1, reason, firstFailedAt,
                retryAt, stillInDoubt);
        boolean announce = d.isOutbound() && (!"FAILED".equals(d.status()) || retryAt == null);
        if (!announce) {
            return update;
        }
        return update.then(outbox.append(OutboundDelivery.of(d.messageId(), d.teacherId(), d.appealId(), d.channel(),
                OutboundDelivery.Status.FAILED, reason, attempts, d.region(), kindOf(d))));
    }

    /**
     * The platform reported that the teacher read the dialogue up to its message id {@code upTo} (VK message_read):
     * the campaign messages it covers are marked read and each goes to outbound.delivery as READ, once. Call inside
     * a transaction.
     */
    public Mono<Integer> read(Channel channel, String platformUserId, long upTo, Instant now) {
        return repository.markCampaignRead(channel, platformUserId, upTo, now)
                .concatMap(m -> outbox.append(OutboundDelivery.of(m.messageId(), m.teacherId(), m.appealId(), channel,
                        OutboundDelivery.Status.READ, null, 0, m.region(), OutboundMessage.Kind.CAMPAIGN))
                        .thenReturn(1), 0)
                .reduce(0, Integer::sum);
    }

    private static OutboundMessage.Kind kindOf(PendingDelivery d) {
        try {
            return d.kind() == null ? null : OutboundMessage.Kind.valueOf(d.kind());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- the admin's side ----

    public Flux<DeliveryView> list(String status, String channel, int limit) {
        return repository.list(status, channel, limit);
    }

    public Mono<Boolean> requeue(UUID messageId, Instant now) {
        return repository.requeue(messageId, now).doOnNext(done -> {
            if (done) {
                wake();
            }
        });
    }
}
