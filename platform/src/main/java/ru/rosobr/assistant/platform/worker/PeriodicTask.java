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
 * Housekeeping off the request path: runs {@code pass} at start and then every {@code interval}, one pass at a time
 * (a tick while a pass still runs is dropped, not an overflow that would end the loop); a failed pass is logged and
 * the next one comes on time. Not for the hot path: that wakes on commit ({@link WakeUp}).
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Supplier<Mono<?>> pass;
    private volatile Disposable loop;

    public PeriodicTask(String name, Duration interval, Supplier<Mono<?>> pass) {
        this.name = name;
        this.interval = interval;
        this.pass = pass;
    }

    @Override
    public void start() {
        loop = Flux.interval(Duration.ZERO, interval).onBackpressureDrop()
                .concatMap(t -> Mono.defer(pass).onErrorResume(e -> {
                    log.warn("{} failed, next attempt in {}: {}", name, interval, e.toString());
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
    }

    @Override
    public boolean isRunning() {
        Disposable l = loop;
        return l != null && !l.isDisposed();
    }
}
