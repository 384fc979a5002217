package ru.rosobr.assistant.platform.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A signal that wakes a worker as soon as there is new work (after a commit), so nothing on the hot path waits for
 * a polling interval. A signal given while the worker is busy is kept, so no wake-up is lost.
 */
public final class WakeUp {

    private final Semaphore permits = new Semaphore(0);

    public void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits for a signal or the timeout, whichever comes first; returns whether it was signalled. */
    public boolean await(Duration timeout) throws InterruptedException {
        boolean signalled = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        permits.drainPermits();
        return signalled;
    }
}
