package ru.rosobr.assistant.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.worker.PollingWorker;
import ru.rosobr.assistant.platform.worker.WakeUp;

/**
 * Publishes committed outbox rows to Kafka in commit order. Several instances of a service may run relays side by
 * side: a batch is taken under a per-service transaction advisory lock, so they publish one after another and the
 * events of one key keep their order (the rows are still locked {@code SKIP LOCKED} for any other reader); a row is marked published only after the broker
 * acknowledged it ({@code acks=all}, idempotent producer), so a crash republishes at worst — and consumers
 * de-duplicate by event id.
 */
public class OutboxRelay extends PollingWorker {

    private static final int BATCH = 500;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, String> kafka;

    private final Duration retention;

    /**
     * @param wakeUp    signalled by the {@link Outbox} after a commit that appended rows: the relay publishes at once
     * @param interval  the safety-net poll, for rows committed by another replica whose relay is down
     * @param retention how long published rows are kept for investigation
     */
    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, String> kafka,
                       WakeUp wakeUp, Duration interval, Duration retention) {
        // stops after the consumers (which may still append) and before the producer factory closes
        super("outbox-relay", interval, BATCH, Integer.MAX_VALUE - 200, wakeUp);
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.retention = retention;
    }

    private record Row(long seq, String topic, String key, String payload) {
    }

    /** Publishes one batch; returns how many rows went out. */
    public int publishBatch() {
        // one relay of the service publishes at a time (the lock waits, it does not skip): two relays sending
        // different batches side by side could put a later event of an appeal before an earlier one
        Integer count = tx.transactional(db.sql("select pg_advisory_xact_lock(hashtextextended(current_schema() "
                                + "|| '.outbox-relay', 0))").then()
                .then(db.sql("select seq, topic, record_key, payload from outbox where published_at is null "
                                + "order by seq limit " + BATCH + " for update skip locked")
                        .map((r, m) -> new Row(r.get("seq", Long.class), r.get("topic", String.class),
                                r.get("record_key", String.class), r.get("payload", String.class)))
                        .all()
                        .collectList()
                        .flatMap(rows -> rows.isEmpty() ? Mono.just(0) : send(rows))))
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

    @Override
    protected int processBatch() {
        return publishBatch();
    }

    /** Published rows are kept for the retention period for investigation, then removed. */
    @Override
    protected void housekeeping() {
        db.sql("delete from outbox where published_at < now() - make_interval(secs => :s)")
                .bind("s", (double) retention.toSeconds())
                .then()
                .block(Duration.ofMinutes(5));
    }
}
