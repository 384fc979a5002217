package ru.rosobr.assistant.intake.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.delivery.Deliveries;
import ru.rosobr.assistant.intake.delivery.DeliverySettings;
import ru.rosobr.assistant.intake.delivery.OutboundText;
import ru.rosobr.assistant.intake.delivery.PartInDoubt;
import ru.rosobr.assistant.intake.delivery.PendingDelivery;
import ru.rosobr.assistant.intake.delivery.PlatformFailure;
import ru.rosobr.assistant.intake.delivery.PlatformSender;
import ru.rosobr.assistant.intake.delivery.QuietHours;
import ru.rosobr.assistant.intake.delivery.SentPart;
import ru.rosobr.assistant.intake.teacher.Teachers;
import ru.rosobr.assistant.platform.worker.ReactiveWorker;

/**
 * Sends what is due in outbound_deliveries to the messenger platforms, outside any database transaction: claims a
 * batch (a lease, so that several instances never send the same message at once), sends each teacher's messages
 * in order through the channel's guard, and records the outcome (with its outbound.delivery event) in a
 * transaction. A message that still fails stays FAILED with the reason and is claimed again after a backoff that
 * grows per failed round — so an outage of minutes or hours loses nothing — until it is given up. A part whose
 * request was out when the previous owner died is sent again where the platform drops repeats, and otherwise looked
 * up in the bot's dialogue first ({@link PlatformSender#shown}), so that it is neither lost nor shown twice.
 */
public class DeliveryWorker extends ReactiveWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final java.time.format.DateTimeFormatter LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final Deliveries deliveries;
    private final Teachers teachers;
    private final Map<Channel, PlatformSender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, ChannelGuard> guards = new EnumMap<>(Channel.class);
    private final TransactionalOperator tx;
    private final Clock clock;
    private final DeliverySettings settings;
    private final QuietHours quietHours;
    /**
     * A part in doubt is looked for among the bot's messages created from its request on, less this margin: the
     * request's time is the database's clock, the message's the platform's.
     */
    static final Duration IN_DOUBT_CLOCK_MARGIN = Duration.ofMinutes(1);
    /** Every reason of a part in doubt starts so (the admin's list and the crash test find them by it). */
    private static final String IN_DOUBT = "неизвестно, дошло ли сообщение: intake-service остановился во время его "
            + "отправки в ";
    /** Deliveries recorded in one transaction at most, and how long the first waits for company. */
    private static final int RECORD_BATCH = 64;
    private static final Duration RECORD_LINGER = Duration.ofMillis(5);

    public DeliveryWorker(Deliveries deliveries, Teachers teachers, List<PlatformSender> senders,
                          TransactionalOperator tx, Clock clock, DeliverySettings settings, QuietHours quietHours,
                          CircuitBreakerRegistry breakers, RateLimiterRegistry limiters, RetryRegistry retries) {
        super("outbound-delivery", settings.pollInterval(), deliveries.wakeUps(), SmartLifecycle.DEFAULT_PHASE);
        this.deliveries = deliveries;
        this.teachers = teachers;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.quietHours = quietHours;
        for (PlatformSender sender : senders) {
            Channel channel = sender.channel();
            if (this.senders.put(channel, sender) != null) {
                throw new IllegalStateException("two senders for channel " + channel);
            }
            String name = channel.name().toLowerCase();
            RateLimiterConfig perSecond = RateLimiterConfig.from(limiters.getDefaultConfig())
                    .limitForPeriod(sender.requestsPerSecond())
                    .build();
            guards.put(channel, new ChannelGuard(channel.name(), limiters.rateLimiter(name, perSecond),
                    breakers.circuitBreaker(name), retries.retry(name), settings.requestTimeout()));
        }
    }

    @Override
    protected boolean enabled() {
        return !senders.isEmpty();
    }

    /** Rounds until a round found less than a full bulk share due (bulk rounds are short by design). */
    @Override
    protected Mono<Void> drain() {
        int full = Math.min(settings.batchSize(), settings.bulkBatchSize());
        return whileFull(this::round, full);
    }

    /** Claims what is due now and sends it; emits how many were claimed. */
    Mono<Integer> round() {
        Instant now = clock.instant();
        return deliveries.claimDue(now, List.copyOf(senders.keySet()), settings.batchSize(),
                        settings.bulkBatchSize(), now.plus(settings.lease()))
                .collectList()
                .flatMap(claimed -> {
                    if (claimed.isEmpty()) {
                        return Mono.just(0);
                    }
                    // one teacher's messages in order; different teachers in parallel; urgent teachers first
                    Map<String, List<PendingDelivery>> byTeacher = new LinkedHashMap<>();
                    Map<PendingDelivery, Instant> held = new LinkedHashMap<>();
                    for (PendingDelivery d : claimed) {
                        // quiet hours are checked again on every claim: a retry or an expired lease of a
                        // reminder may come due in the teacher's evening
                        var until = d.urgent() ? Optional.<Instant>empty()
                                : quietHours.holdUntil(d.region(), now);
                        if (until.isPresent()) {
                            held.put(d, until.get());
                        } else {
                            byTeacher.computeIfAbsent(d.teacherId(), k -> new ArrayList<>()).add(d);
                        }
                    }
                    return holdAgain(held).thenMany(Flux.fromIterable(byTeacher.values()))
                            .flatMap(list -> Flux.fromIterable(list).concatMap(this::send, 0),
                                    settings.concurrency())
                            // group commit: what the platform took is recorded every few milliseconds while the
                            // round goes on, so a message sent early is settled long before the slowest one
                            .bufferTimeout(RECORD_BATCH, RECORD_LINGER, true)
                            .concatMap(this::recordDelivered, 0)
                            .then(Mono.just(claimed.size()));
                });
    }

    /** Non-urgent messages claimed outside the teacher's daytime go back to HELD, in one transaction. */
    private Mono<Void> holdAgain(Map<PendingDelivery, Instant> held) {
        if (held.isEmpty()) {
            return Mono.empty();
        }
        return tx.transactional(Flux.fromIterable(held.entrySet())
                        .concatMap(x -> deliveries.heldAgain(x.getKey(), "несрочное сообщение вне "
                                + quietHours.window() + " по времени региона педагога: повтор отложен до "
                                + LOCAL.format(x.getValue().atZone(QuietHours.zoneOf(x.getKey().region())))
                                + " (местное время)", x.getValue()), 0)
                        .then())
                .doOnSuccess(v -> held.forEach((d, until) -> log.info("{} {} ({}) to teacher {}: outside the "
                        + "teacher's daytime, held until {}", d.origin().toLowerCase(), d.messageId(), d.kind(),
                        d.teacherId(), until)))
                .onErrorResume(e -> {
                    // the leases run out and the messages are claimed (and checked) again
                    log.warn("could not hold {} deliveries: {}", held.size(), e.toString());
                    return Mono.empty();
                });
    }

    /**
     * Messages the platform took, in one transaction (one update, their outbound.delivery events in one insert).
     * Should it fail, the leases run out and the messages are claimed again: their last part is still marked in
     * flight, so a platform without duplicate detection does not show them twice.
     */
    private Mono<Void> recordDelivered(List<Deliveries.Sent> delivered) {
        if (delivered.isEmpty()) {
            return Mono.empty();
        }
        return tx.transactional(deliveries.delivered(delivered, clock.instant()))
                .doOnSuccess(v -> delivered.forEach(x -> log.debug("{} {} ({}) to teacher {} via {}: DELIVERED "
                                + "after {} request(s)", x.delivery().origin().toLowerCase(),
                        x.delivery().messageId(), x.delivery().kind(), x.delivery().teacherId(),
                        x.delivery().channel(), x.attempts())))
                .onErrorResume(e -> {
                    log.warn("could not record {} deliveries: {}", delivered.size(), e.toString());
                    return Mono.empty();
                });
    }

    /** Sends one message; emits it when the platform took it (a failure is recorded here and emits nothing). */
    private Mono<Deliveries.Sent> send(PendingDelivery d) {
        PlatformSender sender = senders.get(d.channel());
        ChannelGuard guard = guards.get(d.channel());
        AtomicInteger attempts = new AtomicInteger(d.attempts());
        Mono<Deliveries.Sent> work;
        if (d.callbackId() != null) {
            work = guard.call(() -> sender.answerCallback(d.platformUserId(), d.callbackId(), d.text()), attempts)
                    .then(Mono.fromSupplier(() -> new Deliveries.Sent(d, 0, attempts.get(), null)));
        } else if (d.partInDoubt() && !sender.idempotent()) {
            work = settleInDoubt(d, sender, guard, attempts);
        } else {
            work = sendParts(d, d.partsSent(), sender, guard, attempts);
        }
        return work.onErrorResume(e -> failed(d, Exceptions.unwrap(e), attempts.get()).then(Mono.empty()));
    }

    /**
     * The previous owner died with a part's request out, and the platform drops no repeats: the platform may have
     * shown the part already. It is looked up in the bot's dialogue first — shown: it counts as sent and the
     * message goes on from the next part; not shown: it is sent; the platform cannot read its dialogues: given up
     * with the reason, never shown twice. A look-up that fails is a {@link LookUpFailed}.
     */
    private Mono<Deliveries.Sent> settleInDoubt(PendingDelivery d, PlatformSender sender, ChannelGuard guard,
                                                AtomicInteger attempts) {
        List<String> parts = OutboundText.split(d.text(), sender.maxTextLength());
        int part = Math.min(d.partInFlight(), parts.size() - 1);
        Instant wentOut = d.partInFlightAt() != null ? d.partInFlightAt() : d.createdAt();
        PartInDoubt doubt = new PartInDoubt(d.platformUserId(), d.platformDialogId(), parts.get(part),
                wentOut.minus(IN_DOUBT_CLOCK_MARGIN));
        // a look-up is not a sending attempt: it takes the channel's permits and retries, but is not counted
        return guard.call(() -> sender.shown(doubt), new AtomicInteger())
                .onErrorMap(e -> new LookUpFailed(Exceptions.unwrap(e)))
                .flatMap(shown -> switch (shown) {
                    case YES -> {
                        log.info("{} {} via {}: part {} in doubt after a crash is in the dialogue: not sent again",
                                d.origin().toLowerCase(), d.messageId(), d.channel(), part);
                        yield part == parts.size() - 1
                                ? Mono.just(new Deliveries.Sent(d, parts.size(), attempts.get(), null))
                                : deliveries.partSent(d.messageId(), part + 1, null)
                                        .then(sendParts(d, part + 1, sender, guard, attempts));
                    }
                    case NO -> {
                        log.info("{} {} via {}: part {} in doubt after a crash is not in the dialogue: sent again",
                                d.origin().toLowerCase(), d.messageId(), d.channel(), part);
                        yield sendParts(d, part, sender, guard, attempts);
                    }
                    case CANNOT_TELL -> Mono.error(new PlatformFailure(IN_DOUBT + d.channel() + ", а платформа не "
                            + "отбрасывает повторы и не даёт проверить диалог — " + notRepeated(d), 0, false));
                });
    }

    private static String notRepeated(PendingDelivery d) {
        return "повторно не отправлено, чтобы педагог не получил его дважды (отправить снова: "
                + "POST /api/admin/deliveries/" + d.messageId() + "/retry)";
    }

    /** The look-up of a part in doubt failed (after the channel's retries): the failure says why. */
    private static final class LookUpFailed extends RuntimeException {
        LookUpFailed(Throwable cause) {
            super(cause);
        }
    }

    /**
     * The parts from {@code from} on, in order. The mark commits after the rate limiter's permit, right before the
     * request: a crash between the two leaves a part in doubt that never went out, so that window is kept as short
     * as it can be. The last part's "sent" is the delivered record itself (group-committed within milliseconds).
     */
    private Mono<Deliveries.Sent> sendParts(PendingDelivery d, int from, PlatformSender sender, ChannelGuard guard,
                                            AtomicInteger attempts) {
        List<String> parts = OutboundText.split(d.text(), sender.maxTextLength());
        int last = parts.size() - 1;
        return Flux.range(from, Math.max(0, parts.size() - from))
                .concatMap(i -> guard.call(() -> inFlight(d, i, sender)
                                .then(sender.sendText(d.platformUserId(), parts.get(i),
                                        i == last ? d.buttons() : List.of(), d.messageId(), i)), attempts)
                        .defaultIfEmpty(SentPart.NONE)
                        .flatMap(sent -> learnDialog(d, i == from, sent)
                                .then(i == last ? Mono.just(Optional.ofNullable(sent.platformMessageId()))
                                        : deliveries.partSent(d.messageId(), i + 1, sent.platformMessageId())
                                                .then(Mono.<Optional<String>>empty()))), 0)
                // only the last part emits: its platform id (none when every part had gone out before)
                .last(Optional.empty())
                .map(platformId -> new Deliveries.Sent(d, parts.size(), attempts.get(), platformId.orElse(null)));
    }

    /** A platform that drops repeats never leaves a part in doubt, so its requests need no mark (and no statement). */
    private Mono<Void> inFlight(PendingDelivery d, int part, PlatformSender sender) {
        return sender.idempotent() ? Mono.empty() : deliveries.partInFlight(d.messageId(), part);
    }

    /**
     * The platform named the teacher's dialogue, which intake did not know (the teacher wrote nothing since it keeps
     * it): kept, once per message, so that a part of a later message left in doubt can be looked up. Statements are
     * made only for such teachers; a failure loses nothing but the chance to look up.
     */
    private Mono<Void> learnDialog(PendingDelivery d, boolean first, SentPart sent) {
        if (!first || d.platformDialogId() != null || sent.dialogId() == null) {
            return Mono.empty();
        }
        return teachers.dialogLearned(d.teacherId(), sent.dialogId())
                .onErrorResume(e -> {
                    log.debug("could not keep the dialog of teacher {}: {}", d.teacherId(), e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> failed(PendingDelivery d, Throwable e, int attempts) {
        if (e instanceof LookUpFailed lookUp) {
            // the part stays in doubt: looked up again on the usual schedule while the platform may recover; given
            // up (never repeated blindly) when the look-up is refused or the time is over
            Throwable cause = Exceptions.unwrap(lookUp.getCause());
            return failed(d, attempts, IN_DOUBT + d.channel() + ", а проверить по диалогу, показано ли оно, "
                    + "не удалось (" + reasonOf(d, cause) + ")", retryable(cause), true);
        }
        return failed(d, attempts, reasonOf(d, e), retryable(e), false);
    }

    /** A refusal on the merits is final; overload, outages, an open breaker and the rate limit may pass later. */
    private static boolean retryable(Throwable e) {
        return !(e instanceof PlatformFailure failure) || failure.retryable();
    }

    private String reasonOf(PendingDelivery d, Throwable e) {
        String reason;
        if (e instanceof PlatformFailure failure) {
            reason = failure.getMessage();
        } else if (e instanceof CallNotPermittedException) {
            String last = guards.get(d.channel()).lastFailure();
            reason = d.channel() + " недоступен: после серии ошибок отправка на время приостановлена "
                    + "(автоматический выключатель)" + (last == null ? "" : "; последняя ошибка: " + last);
        } else if (e instanceof RequestNotPermitted) {
            reason = "превышен лимит запросов к " + d.channel() + ": сообщение ждёт своей очереди";
        } else {
            reason = "ошибка отправки в " + d.channel() + ": " + e;
        }
        return reason;
    }

    /**
     * @param inDoubt the round could not settle a part in doubt: the reason says so, the mark stays while the message
     *                is tried again, and a message given up says how to send it anyway
     */
    private Mono<Void> failed(PendingDelivery d, int attempts, String reason, boolean retryable, boolean inDoubt) {
        Instant now = clock.instant();
        Instant firstFailed = d.firstFailedAt() != null ? d.firstFailedAt() : now;
        Instant giveUpAt = d.callbackId() != null ? d.createdAt().plus(settings.callbackGiveUpAfter())
                : firstFailed.plus(settings.giveUpAfter());
        Instant retryAt = now.plus(settings.backoffAfterRound(d.failedRounds() + 1));
        if (!retryable || retryAt.isAfter(giveUpAt)) {
            retryAt = null;
            if (retryable) {
                reason = reason + " — попытки прекращены: "
                        + (d.callbackId() != null ? "ответ на нажатие кнопки устарел" : "сообщение не доставлено за "
                        + settings.giveUpAfter().toHours() + " ч");
            }
            if (inDoubt) {
                reason = reason + " — " + notRepeated(d);
            }
        } else if (inDoubt) {
            reason = reason + " — проверка будет повторена, без неё сообщение повторно не отправляется";
        }
        Instant next = retryAt;
        String why = reason;
        return tx.transactional(deliveries.failed(d, attempts, reason, firstFailed, retryAt, inDoubt && next != null))
                .doOnSuccess(v -> {
                    if (next == null) {
                        // no teacher id: it carries the platform user id, which stays out of the logs
                        log.warn("{} {} via {}: FAILED, given up: {}", d.origin().toLowerCase(),
                                d.messageId(), d.channel(), why);
                    } else {
                        log.info("{} {} via {}: failed round {} ({}), next try at {}",
                                d.origin().toLowerCase(), d.messageId(), d.channel(),
                                d.failedRounds() + 1, why, next);
                    }
                })
                .onErrorResume(ex -> {
                    // the lease runs out and the message is claimed again: nothing is lost
                    log.warn("could not record the failure of {}: {}", d.messageId(), ex.toString());
                    return Mono.empty();
                });
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }
}
