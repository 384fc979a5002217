package ru.rosobr.assistant.platform.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background loop on its own thread: every interval it processes batches until a batch comes back short, so a
 * backlog drains at once and an idle service only polls. Failures are logged and retried on the next tick. Used
 * by the outbox relay and by services' durable work queues (timers, delivery retries).
 */
public abstract class PollingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);

    private final String name;
    private final Duration interval;
    private final int batchSize;
    private final int phase;
    private ScheduledExecutorService executor;

    protected PollingWorker(String name, Duration interval, int batchSize, int phase) {
        this.name = name;
        this.interval = interval;
        this.batchSize = batchSize;
        this.phase = phase;
    }

    /** Processes at most {@link #batchSize()} items; returns how many it processed. */
    protected abstract int processBatch();

    /** Work done rarely (housekeeping); none by default. */
    protected void housekeeping() {
    }

    protected int batchSize() {
        return batchSize;
    }

    private void tick() {
        try {
            while (processBatch() >= batchSize) {
                log.debug("{}: full batch processed, continuing", name);
            }
        } catch (RuntimeException e) {
            log.warn("{}: batch failed, will retry: {}", name, e.toString());
        }
    }

    private void safeHousekeeping() {
        try {
            housekeeping();
        } catch (RuntimeException e) {
            log.warn("{}: housekeeping failed: {}", name, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::safeHousekeeping, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
