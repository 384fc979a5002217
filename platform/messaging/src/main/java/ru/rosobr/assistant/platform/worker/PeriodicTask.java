package ru.rosobr.assistant.platform.worker;

import java.time.Duration;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Housekeeping off the request path (retention purge, the dead-letter count): a {@link ReactiveWorker} that nothing
 * wakes, so {@code pass} runs at start and then every {@code interval}, one pass at a time; a failed pass is logged
 * and the next one comes on time.
 */
public final class PeriodicTask extends ReactiveWorker {

    private final Supplier<Mono<?>> pass;

    public PeriodicTask(String name, Duration interval, Supplier<Mono<?>> pass) {
        super(name, interval, Flux.never(), 0);
        this.pass = pass;
    }

    @Override
    protected Mono<Void> drain() {
        return Mono.defer(pass).then();
    }
}
