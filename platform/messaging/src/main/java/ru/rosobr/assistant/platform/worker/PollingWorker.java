package ru.rosobr.assistant.platform.worker;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background loop on its own thread: it processes batches until a batch comes back short, then waits until it is
 * woken ({@link WakeUp}, signalled after the commit that created work) or the interval passes — polling is only
 * the safety net for work created elsewhere (another replica, a timer coming due). Failures are logged and retried
 * on the next round. Used by the outbox relay and by services' durable work queues (timers).
 */
public abstract class PollingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);
    private static final long HOUSEKEEPING_EVERY_NANOS = Duration.ofMinutes(60).toNanos();

    private final String name;
    private final Duration interval;
    private final int batchSize;
    private final int phase;
    private final WakeUp wakeUp;
    private volatile boolean running;
    private Thread thread;

    protected PollingWorker(String name, Duration interval, int batchSize, int phase) {
        this(name, interval, batchSize, phase, new WakeUp());
    }

    protected PollingWorker(String name, Duration interval, int batchSize, int phase, WakeUp wakeUp) {
        this.name = name;
        this.interval = interval;
        this.batchSize = batchSize;
        this.phase = phase;
        this.wakeUp = wakeUp;
    }

    /** Processes at most {@link #batchSize()} items; returns how many it processed. */
    protected abstract int processBatch();

    /** Work done rarely (housekeeping); none by default. */
    protected void housekeeping() {
    }

    protected int batchSize() {
        return batchSize;
    }

    /** How long to wait for a wake-up after a round; the interval by default (a worker may rest longer when idle). */
    protected Duration nextWait() {
        return interval;
    }

    private void drain() {
        try {
            while (running && processBatch() >= batchSize) {
                log.debug("{}: full batch processed, continuing", name);
            }
        } catch (RuntimeException e) {
            log.warn("{}: batch failed, will retry: {}", name, e.toString());
            pause();
        }
    }

    /** After a failure, wait a full interval (not a wake-up) so a broken dependency is not hammered. */
    private void pause() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long nextHousekeeping = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (running) {
            drain();
            if (System.nanoTime() - nextHousekeeping >= 0) {
                nextHousekeeping = System.nanoTime() + HOUSEKEEPING_EVERY_NANOS;
                try {
                    housekeeping();
                } catch (RuntimeException e) {
                    log.warn("{}: housekeeping failed: {}", name, e.toString());
                }
            }
            try {
                wakeUp.await(nextWait());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp.signal();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
