package ru.rosobr.assistant.analytics.rebuild.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ru.rosobr.assistant.analytics.rebuild.RebuildReport;
import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.ProcessedEvents;

/**
 * Rebuilds the projection from the topics: every topic the service consumes is read from offset 0 into fresh tables
 * (the service's own migrations, in a schema of their own), by the same handlers as the live consumers; then, with
 * the live tables locked against the live consumers of every replica, the rest of the topics up to their current
 * end is read, and the live tables (and the record of processed events) are replaced by the rebuilt ones in one
 * transaction. A live consumer blocked meanwhile finds its events already processed, so nothing counts twice and
 * nothing is missed. Readers of the statistics are not blocked (the lock only excludes writers).
 */
public class Rebuilder {

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);

    /** The service's tables that the events write, in the order they are locked; platform tables besides. */
    static final List<String> TABLES = List.of("processed_events", "region_day_stats", "latency_day_buckets",
            "appeal_marks", "appeal_ratings", "appeal_facts", "kb_day_stats", "kb_versions", "teachers",
            "campaign_day_stats", "campaign_message_marks");

    private final Map<String, EventSubscription<?>> byTopic = new HashMap<>();
    private final ConsumerFactory<String, String> consumers;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Flyway flyway;
    private final String group;

    public Rebuilder(List<EventSubscription<?>> subscriptions, ConsumerFactory<String, String> consumers,
                     DatabaseClient db, TransactionalOperator tx, Flyway flyway, String group) {
        subscriptions.forEach(s -> byTopic.put(s.topic().name(), s));
        this.consumers = consumers;
        this.db = db;
        this.tx = tx;
        this.flyway = flyway;
        this.group = group;
    }

    /** Blocking: runs the whole rebuild on the calling thread. */
    public RebuildReport rebuild() {
        long started = System.nanoTime();
        // a schema per run: two rebuilds at once (two replicas asked) do not share tables, and each is whole
        String schema = "analytics_rebuild_" + UUID.randomUUID().toString().substring(0, 8);
        Counts counts = new Counts();
        try (Consumer<String, String> consumer = consumer(schema)) {
            Flyway.configure().configuration(flyway.getConfiguration()).schemas(schema).defaultSchema(schema)
                    .createSchemas(true).load().migrate();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : byTopic.keySet()) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            replay(consumer, consumer.endOffsets(partitions), schema, counts);
            log.info("rebuild into {}: {} records read; locking the live tables for the rest", schema,
                    counts.records.get());
            tx.transactional(db.sql("lock table " + String.join(", ", TABLES) + " in exclusive mode").then()
                            .then(Mono.fromRunnable(() -> replay(consumer, consumer.endOffsets(partitions), schema,
                                    counts)).subscribeOn(Schedulers.boundedElastic()))
                            .then(Flux.fromIterable(TABLES).concatMap(t -> db.sql("delete from " + t).then()
                                    .then(db.sql("insert into " + t + " select * from " + schema + "." + t).then()))
                                    .then()))
                    .block(Duration.ofMinutes(10));
        } finally {
            db.sql("drop schema if exists " + schema + " cascade").then()
                    .onErrorResume(e -> Mono.fromRunnable(() -> log.warn("could not drop {}: {}", schema, e.toString())))
                    .block(Duration.ofMinutes(1));
        }
        RebuildReport report = new RebuildReport(counts.records.get(), counts.applied.get(), counts.duplicates.get(),
                counts.failed.get(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        log.info("projection rebuilt from offset 0: {}", report);
        return report;
    }

    private static final class Counts {
        final AtomicLong records = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
    }

    private Consumer<String, String> consumer(String schema) {
        Map<String, Object> props = new HashMap<>(consumers.getConfigurationProperties());
        // no group: the partitions are assigned, nothing is committed, the live consumers' offsets stay as they are
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + schema);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads every partition up to {@code end} and applies each polled batch in one transaction in the schema. */
    private void replay(Consumer<String, String> consumer, Map<TopicPartition, Long> end, String schema,
                        Counts counts) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            List<Decoded> batch = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                counts.records.incrementAndGet();
                EventSubscription<?> subscription = byTopic.get(record.topic());
                try {
                    batch.add(new Decoded(subscription, EventCodec.read(subscription.topic(), record.value()),
                            group + ":" + record.topic()));
                } catch (RuntimeException e) {
                    log.warn("rebuild: undecodable record {}-{}@{} skipped: {}", record.topic(), record.partition(),
                            record.offset(), e.toString());
                    counts.failed.incrementAndGet();
                }
            }
            applyInParts(batch, schema, counts);
        }
    }

    private record Decoded(EventSubscription<?> subscription, Event event, String consumer) {
        String dedupeKey() {
            return ProcessedEvents.key(consumer, event.eventId());
        }
    }

    /** As the live consumers: the batch in one transaction, or, when it fails, its records one by one. */
    private void applyInParts(List<Decoded> batch, String schema, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            apply(batch, schema, counts);
            return;
        } catch (RuntimeException e) {
            log.warn("rebuild: a batch of {} failed ({}); applying its records one by one", batch.size(),
                    e.toString());
        }
        for (Decoded d : batch) {
            try {
                apply(List.of(d), schema, counts);
            } catch (RuntimeException e) {
                log.warn("rebuild: event {} on {} skipped: {}", d.event().eventId(), d.consumer(), e.toString());
                counts.failed.incrementAndGet();
            }
        }
    }

    private void apply(List<Decoded> batch, String schema, Counts counts) {
        long[] applied = {0};
        long[] duplicates = {0};
        // set local: the schema holds for this transaction only, the pooled connection keeps its own search path
        tx.transactional(db.sql("set local search_path to " + schema).then()
                        .then(fresh(batch))
                        .flatMap(fresh -> Flux.fromIterable(batch)
                                .concatMap(d -> {
                                    if (!fresh.remove(d.dedupeKey())) {
                                        duplicates[0]++;
                                        return Mono.empty();
                                    }
                                    applied[0]++;
                                    return handle(d);
                                }, 0)
                                .then()))
                .block(BATCH_TIMEOUT);
        counts.applied.addAndGet(applied[0]);
        counts.duplicates.addAndGet(duplicates[0]);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Event> Mono<Void> handle(Decoded d) {
        EventSubscription<T> subscription = (EventSubscription<T>) d.subscription();
        return Mono.defer(() -> subscription.handler().apply(List.of((T) d.event())));
    }

    private Mono<Set<String>> fresh(List<Decoded> batch) {
        return ProcessedEvents.recordNew(db, batch.stream().map(Decoded::consumer).toList(),
                batch.stream().map(d -> d.event().eventId()).toList());
    }
}
