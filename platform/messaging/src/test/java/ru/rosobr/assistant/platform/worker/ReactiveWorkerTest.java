package ru.rosobr.assistant.platform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ReactiveWorkerTest {

    private static final int FULL = 10;

    /** A worker whose queue holds {@code rounds} full batches, then a short one; every round completes at once. */
    private static final class Backlog extends ReactiveWorker {
        private final int rounds;
        final AtomicInteger done = new AtomicInteger();
        int firstDepth = -1;
        int deepest;

        Backlog(int rounds) {
            super("backlog", Duration.ofHours(1), Flux.never(), 0);
            this.rounds = rounds;
        }

        @Override
        protected Mono<Void> drain() {
            return whileFull(this::round, FULL);
        }

        private Mono<Integer> round() {
            int depth = StackWalker.getInstance().walk(frames -> (int) frames.count());
            if (firstDepth < 0) {
                firstDepth = depth;
            }
            deepest = Math.max(deepest, depth);
            return Mono.fromSupplier(() -> done.incrementAndGet() <= rounds ? FULL : FULL - 1);
        }
    }

    @Test
    void aLongBacklogDrainsRoundAfterRoundWithoutNestingTheRounds() {
        Backlog worker = new Backlog(50_000);

        worker.drain().block(Duration.ofSeconds(30));

        // every full round and the short one that ends the drain
        assertThat(worker.done).hasValue(50_001);
        // a round that subscribed the next one itself would run 50,000 rounds deep (or overflow the stack)
        assertThat(worker.deepest).isLessThanOrEqualTo(worker.firstDepth + 20);
    }

    @Test
    void aShortRoundEndsTheDrain() {
        Backlog worker = new Backlog(0);

        worker.drain().block(Duration.ofSeconds(5));

        assertThat(worker.done).hasValue(1);
    }
}
