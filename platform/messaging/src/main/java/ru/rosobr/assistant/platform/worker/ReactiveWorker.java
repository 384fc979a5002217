package ru.rosobr.assistant.platform.worker;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A reactive work loop: drains its queue at every interval and at once whenever something signals new work
 * (wake-ups), one round at a time; a failed round is logged and the next tick tries again. The reactive twin of
 * {@link PollingWorker}, for work that itself is non-blocking (HTTP calls to messenger platforms).
 */
public abstract class ReactiveWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReactiveWorker.class);

    private final String name;
    private final Duration interval;
    private final Flux<?> wakeUps;
    private final int phase;
    private volatile Disposable loop;

    protected ReactiveWorker(String name, Duration interval, Flux<?> wakeUps, int phase) {
        this.name = name;
        this.interval = interval;
        this.wakeUps = wakeUps;
        this.phase = phase;
    }

    /** Processes everything due now. */
    protected abstract Mono<Void> drain();

    /**
     * Runs {@code round} again and again while it reports a full batch ({@code full} items or more), each round
     * subscribed after the previous completed. A round that itself subscribed the next one (a recursive
     * {@code flatMap}) would nest one subscriber chain per round: under a sustained backlog the chain grows without
     * end, and every operator that asks for its context walks all of it.
     */
    protected static Mono<Void> whileFull(Supplier<Mono<Integer>> round, int full) {
        return Mono.defer(round).repeat().takeUntil(n -> n < full).then();
    }

    /** Whether the loop runs at all (e.g. no channel configured). */
    protected boolean enabled() {
        return true;
    }

    @Override
    public void start() {
        if (!enabled()) {
            return;
        }
        loop = Flux.merge(Flux.interval(Duration.ZERO, interval).map(tick -> Boolean.TRUE),
                        wakeUps.map(signal -> Boolean.TRUE))
                // a wake-up that comes while a round runs is kept (the latest one) and starts the next round at once;
                // dropping it would leave work committed mid-round waiting for the next tick
                .onBackpressureLatest()
                .concatMap(tick -> drain().onErrorResume(e -> {
                    log.warn("{}: round failed, will retry: {}", name, e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable l = loop;
        if (l != null) {
            l.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        Disposable l = loop;
        return l != null && !l.isDisposed();
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
