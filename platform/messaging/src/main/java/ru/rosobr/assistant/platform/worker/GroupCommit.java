package ru.rosobr.assistant.platform.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Many small writes made as one statement: each caller's item waits while a statement is out, and the next statement
 * takes everything that came meanwhile (natural batching, no linger). One caller alone is written at once; under
 * load the statements grow with the load instead of queueing one round trip per item. Each caller's Mono completes
 * when the statement that carried its item did — or fails with it.
 *
 * @param <T> what one caller writes
 */
public final class GroupCommit<T> {

    private record Waiting<T>(T item, MonoSink<Void> sink) {
    }

    private final Function<List<T>, Mono<Void>> statement;
    private final int maxItems;
    private final Queue<Waiting<T>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean out = new AtomicBoolean();

    /**
     * @param statement writes the items in one statement (in their order)
     * @param maxItems  the most items one statement carries
     */
    public GroupCommit(Function<List<T>, Mono<Void>> statement, int maxItems) {
        this.statement = statement;
        this.maxItems = maxItems;
    }

    /** Writes the item with whatever else is waiting; completes once it is written. */
    public Mono<Void> write(T item) {
        return Mono.create(sink -> {
            queue.add(new Waiting<>(item, sink));
            next();
        });
    }

    private void next() {
        while (!queue.isEmpty() && out.compareAndSet(false, true)) {
            List<Waiting<T>> batch = new ArrayList<>();
            Waiting<T> w;
            while (batch.size() < maxItems && (w = queue.poll()) != null) {
                batch.add(w);
            }
            if (batch.isEmpty()) {
                out.set(false);
                continue;
            }
            Mono<Void> write;
            try {
                write = statement.apply(batch.stream().map(Waiting::item).toList());
            } catch (RuntimeException e) {
                write = Mono.error(e);
            }
            write.subscribe(null, e -> {
                batch.forEach(x -> x.sink().error(e));
                out.set(false);
                next();
            }, () -> {
                batch.forEach(x -> x.sink().success());
                out.set(false);
                next();
            });
            // a statement that finished at once let this loop take the next batch; otherwise its completion does
        }
    }
}
