package ru.rosobr.assistant.intake.messenger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.messenger.internal.InboxRepository;

/**
 * The inbox of platform updates. A webhook (or the long-polling loop) only stores the update here and answers
 * at once; the inbox worker processes it afterwards. The same update delivered again (same {@code dedupKey}) is
 * stored once and so processed once.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final InboxRepository repository;
    private final Sinks.Many<Boolean> stored = Sinks.many().multicast().directBestEffort();

    public Inbox(InboxRepository repository) {
        this.repository = repository;
    }

    /**
     * Stores an update unless it was stored before; emits true when it is new. Wakes the worker — call it outside
     * a transaction, or use {@link #storeInTransaction} and {@link #wake} after the commit.
     */
    public Mono<Boolean> store(Channel channel, String dedupKey, String updateType, String payload) {
        return storeInTransaction(channel, dedupKey, updateType, payload)
                .doOnNext(fresh -> {
                    if (fresh) {
                        wake();
                    }
                });
    }

    public Mono<Boolean> storeInTransaction(Channel channel, String dedupKey, String updateType, String payload) {
        return repository.insert(channel, dedupKey, updateType, payload)
                .doOnNext(fresh -> {
                    if (!fresh) {
                        log.info("{} update {} ({}) was received before: not processed again", channel, dedupKey,
                                updateType);
                    }
                });
    }

    /**
     * Keeps an update that cannot be read (FAILED, with the reason) instead of dropping it: a poll moves past it,
     * so this row is the only trace. The key is the payload's digest, so the same update polled again is kept once.
     */
    public Mono<Boolean> storeRejectedInTransaction(Channel channel, String payload, String reason) {
        String key = "malformed:" + java.util.HexFormat.of().formatHex(digest(payload));
        log.warn("{} update kept as FAILED, not processed: {}", channel, reason);
        return repository.insertRejected(channel, key, "malformed", payload, reason);
    }

    private static byte[] digest(String payload) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void wake() {
        stored.tryEmitNext(Boolean.TRUE);
    }

    /** Signals that an update was stored (for the worker). */
    public Flux<Boolean> wakeUps() {
        return stored.asFlux();
    }
}
