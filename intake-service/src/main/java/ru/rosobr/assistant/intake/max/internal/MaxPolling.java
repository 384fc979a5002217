package ru.rosobr.assistant.intake.max.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.max.MaxProperties;
import ru.rosobr.assistant.intake.messenger.ChannelState;
import ru.rosobr.assistant.intake.messenger.Inbox;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * Long polling of MAX ({@code GET /updates?marker=…}) for installations without a public URL. The updates of a
 * poll and the next marker are stored in one transaction, so after a restart polling resumes where it stopped:
 * nothing is skipped, and an update seen twice is stored once (the same de-duplication as the webhook). An update
 * that cannot be read is kept as FAILED with the reason in the same transaction, so moving the marker loses nothing.
 */
public class MaxPolling implements SmartLifecycle {

    public static final String MARKER = "max.updates.marker";
    private static final Logger log = LoggerFactory.getLogger(MaxPolling.class);

    private final MaxClient client;
    private final MaxProperties props;
    private final Inbox inbox;
    private final ChannelState state;
    private final TransactionalOperator tx;
    private volatile Disposable loop;

    public MaxPolling(MaxClient client, MaxProperties props, Inbox inbox, ChannelState state,
                      TransactionalOperator tx) {
        this.client = client;
        this.props = props;
        this.inbox = inbox;
        this.state = state;
        this.tx = tx;
    }

    @Override
    public boolean isAutoStartup() {
        return props.polling() && props.token() != null;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        log.info("MAX long polling started ({}, timeout {} s)", props.apiBaseUrl(), props.pollingTimeout().toSeconds());
        loop = Mono.defer(this::pollOnce)
                .onErrorResume(e -> {
                    log.warn("MAX long polling failed, retrying in {} s: {}", props.pollingRetry().toSeconds(),
                            e.getMessage());
                    return Mono.delay(props.pollingRetry()).then(Mono.just(0));
                })
                .repeat()
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        Disposable l = loop;
        if (l != null) {
            l.dispose();
            log.info("MAX long polling stopped");
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }

    /** One poll: the updates after the stored marker, stored with the new marker. Emits how many were new. */
    Mono<Integer> pollOnce() {
        return state.get(MARKER).map(Long::valueOf).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(marker -> client.getUpdates(marker.orElse(null), props.pollingTimeout(), MaxUpdates.HANDLED))
                .flatMap(this::store);
    }

    private Mono<Integer> store(JsonNode response) {
        List<MaxUpdates.Checked> updates = new ArrayList<>();
        List<Mono<Boolean>> rejected = new ArrayList<>();
        for (JsonNode update : response.path("updates")) {
            try {
                MaxUpdates.Checked checked = MaxUpdates.check(update);
                if (checked.handled()) {
                    updates.add(checked);
                } else {
                    log.info("MAX polling: update type {} is not handled: ignored", checked.updateType());
                }
            } catch (MaxUpdates.Malformed e) {
                // the marker moves past it: unlike a webhook, nobody would send it again, so it is kept, not dropped
                rejected.add(inbox.storeRejectedInTransaction(Channel.MAX,
                        EventCodec.mapper().writeValueAsString(update), "Некорректное обновление MAX: " + e.getMessage()));
            }
        }
        JsonNode marker = response.get("marker");
        Mono<Void> saveMarker = marker != null && marker.isIntegralNumber()
                ? state.put(MARKER, String.valueOf(marker.asLong())) : Mono.empty();
        return tx.transactional(Flux.concat(rejected).then(Flux.fromIterable(updates)
                        .concatMap(u -> inbox.storeInTransaction(Channel.MAX, u.dedupKey(), u.updateType(),
                                EventCodec.mapper().writeValueAsString(u.node())))
                        .filter(Boolean::booleanValue)
                        .count()
                        .flatMap(n -> saveMarker.thenReturn(n.intValue()))))
                .doOnNext(n -> {
                    if (n > 0) {
                        inbox.wake();
                    }
                });
    }
}
