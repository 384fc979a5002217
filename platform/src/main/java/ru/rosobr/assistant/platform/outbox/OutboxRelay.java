package ru.rosobr.assistant.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes committed outbox rows to Kafka in commit order. Rows are locked with {@code SKIP LOCKED}, so several
 * instances of a service may run relays side by side; a row is marked published only after the broker
 * acknowledged it ({@code acks=all}, idempotent producer), so a crash republishes at worst — and consumers
 * de-duplicate by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, String> kafka;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, String> kafka,
                       Duration interval) {
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.interval = interval;
    }

    private record Row(long seq, String topic, String key, String payload) {
    }

    /** Publishes one batch; returns how many rows went out. */
    public int publishBatch() {
        Integer count = tx.transactional(
                db.sql("select seq, topic, record_key, payload from outbox where published_at is null "
                                + "order by seq limit " + BATCH + " for update skip locked")
                        .map((r, m) -> new Row(r.get("seq", Long.class), r.get("topic", String.class),
                                r.get("record_key", String.class), r.get("payload", String.class)))
                        .all()
                        .collectList()
                        .flatMap(rows -> rows.isEmpty() ? Mono.just(0) : send(rows)))
                .block(Duration.ofSeconds(60));
        return count == null ? 0 : count;
    }

    private Mono<Integer> send(List<Row> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(kafka.send(row.topic(), row.key(), row.payload()));
        }
        return Mono.fromFuture(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                .then(Flux.fromIterable(rows).map(Row::seq).collectList())
                .flatMap(seqs -> db.sql("update outbox set published_at = now() where seq = any(:seqs)")
                        .bind("seqs", seqs.toArray(Long[]::new))
                        .fetch().rowsUpdated())
                .map(Long::intValue);
    }

    private void tick() {
        try {
            // drain while full batches come back, then wait for the next tick
            while (publishBatch() == BATCH) {
                log.debug("outbox: full batch published, continuing");
            }
        } catch (RuntimeException e) {
            log.warn("outbox relay: publish failed, will retry: {}", e.toString());
        }
    }

    /** Published rows are kept a week for investigation, then removed. */
    private void purge() {
        try {
            db.sql("delete from outbox where published_at < now() - interval '7 days'").then()
                    .block(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            log.warn("outbox purge failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
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
        // stop after the consumers (which may still append) and before the producer factory closes
        return Integer.MAX_VALUE - 200;
    }
}
