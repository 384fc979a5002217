package ru.rosobr.assistant.gateway.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AccessRevoked;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * Reads {@code auth.revocations} into {@link Revocations}. Every gateway replica must see every entry, so there is no
 * consumer group: the replica assigns itself all partitions and reads from the beginning (the topic keeps a day,
 * far more than an access token lives), and reports DOWN until it has read what was there at start — a gateway that
 * does not yet know the revocations in force takes no traffic. Offsets are never committed: there is nothing to
 * resume, the state is rebuilt on every start.
 */
public final class RevocationListener implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

    private final String bootstrapServers;
    private final Revocations revocations;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public RevocationListener(String bootstrapServers, Revocations revocations) {
        this.bootstrapServers = bootstrapServers;
        this.revocations = revocations;
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            thread = Thread.ofPlatform().daemon().name("revocations").start(this::run);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public Health health() {
        return (caughtUp ? Health.up() : Health.down().withDetail("reason", "отзывы токенов ещё не прочитаны"))
                .withDetail("entries", revocations.size()).build();
    }

    boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        String topic = Topics.ACCESS_REVOKED.name();
        while (running.get()) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(properties())) {
                consumer = c;
                List<TopicPartition> partitions = partitions(c, topic);
                if (partitions.isEmpty()) {
                    continue;
                }
                c.assign(partitions);
                c.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(partitions));
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofSeconds(1))) {
                        apply(r.value());
                    }
                    if (!caughtUp && partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
                        caughtUp = true;
                        log.info("token revocations read: {} entries in force", revocations.size());
                    }
                    revocations.prune();
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("reading token revocations failed, starting over: {}", e.toString());
                pause();
            }
        }
    }

    /** The topic's partitions; empty (after a pause) while nobody has created it yet. */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> c, String topic) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null || infos.isEmpty()) {
            log.info("topic {} does not exist yet; waiting for operator-service to declare it", topic);
            pause();
            return List.of();
        }
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    }

    private void apply(String value) {
        try {
            revocations.apply(EventCodec.mapper().readValue(value, AccessRevoked.class));
        } catch (RuntimeException e) {
            log.warn("unreadable token revocation skipped: {}", e.toString());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000); // background retry only: nothing waits on this thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-revocations");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return p;
    }
}
