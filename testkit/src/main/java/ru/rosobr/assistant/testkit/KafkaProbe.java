package ru.rosobr.assistant.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.Topic;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * Talks to the test JVM's real broker: publishes events as their upstream writer would, and waits for the events a
 * service emits (never a sleep: polls until the event is there or the deadline passes).
 */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    public static String bootstrapServers() {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        if (brokers == null) {
            brokers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        }
        return brokers;
    }

    /** Publishes as the topic's writer would (tests stand in for the upstream service). */
    public static <T extends Event> void publish(Topic<T> topic, T event) {
        publishRaw(topic.name(), topic.keyOf(event), EventCodec.write(event));
    }

    /**
     * Publishes the events in one go: one producer that holds the records briefly, so records of one key arrive as
     * one record batch and a consumer polls them together (for tests of batch processing).
     */
    public static <T extends Event> void publishAll(Topic<T> topic, List<T> events) {
        send(topic.name(), events.stream()
                .map(e -> new ProducerRecord<>(topic.name(), topic.keyOf(e), EventCodec.write(e))).toList(), 200);
    }

    /** Publishes any text, for tests of malformed records. */
    public static void publishRaw(String topic, String key, String value) {
        send(topic, List.of(new ProducerRecord<>(topic, key, value)), 0);
    }

    private static void send(String topic, List<ProducerRecord<String, String>> records, int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                sent.add(producer.send(record));
            }
            producer.flush();
            for (var f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publish to " + topic + " failed", e);
        }
    }

    /** Waits until an event matching the predicate is on the topic (read from the beginning). */
    public static <T extends Event> T await(Topic<T> topic, Predicate<T> match, Duration timeout) {
        List<T> found = awaitCount(topic, match, 1, timeout);
        return found.getFirst();
    }

    /** Waits until at least {@code count} matching events are on the topic; returns all matching ones seen. */
    public static <T extends Event> List<T> awaitCount(Topic<T> topic, Predicate<T> match, int count,
                                                       Duration timeout) {
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(topic.name()));
            List<T> matching = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    T event = EventCodec.read(topic, r.value());
                    if (match.test(event)) {
                        matching.add(event);
                    }
                }
                if (matching.size() >= count) {
                    return matching;
                }
            }
            throw new AssertionError("expected " + count + " matching event(s) on " + topic.name() + " within "
                    + timeout + ", saw " + matching.size());
        }
    }

    /** Every event of the topic that matches, read to the end of the topic as it is now. */
    public static <T extends Event> List<T> all(Topic<T> topic, Predicate<T> match) {
        return all(bootstrapServers(), topic, match);
    }

    /** The same on another broker (e.g. the one of {@link ServiceReplicas}). */
    public static <T extends Event> List<T> all(String bootstrapServers, Topic<T> topic, Predicate<T> match) {
        try (var consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic.name()));
            List<T> matching = new ArrayList<>();
            // poll until assigned and caught up with the end offsets
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    T event = EventCodec.read(topic, r.value());
                    if (match.test(event)) {
                        matching.add(event);
                    }
                }
                if (!consumer.assignment().isEmpty()) {
                    Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
                    if (ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                        return matching;
                    }
                }
            }
            throw new AssertionError("could not read " + topic.name() + " to its end");
        }
    }

    /**
     * Waits until the consumer group has committed past every record that is on the topic now. The platform commits
     * a batch only after its effect (and the events it emitted to the outbox) committed, so from then on whatever the
     * group does with those records is done: the proof to wait for before asserting that they changed nothing.
     */
    public static void awaitConsumed(String group, Topic<?> topic, Duration timeout) {
        awaitConsumed(bootstrapServers(), group, topic, timeout);
    }

    /** The same on another broker (e.g. the one of {@link ServiceReplicas}). */
    public static void awaitConsumed(String bootstrapServers, String group, Topic<?> topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> ends = endOffsets(admin, topic.name());
            Awaitility.await("group " + group + " to commit past " + ends).atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                                .get(10, TimeUnit.SECONDS);
                        // a partition with no records needs no commit
                        return ends.entrySet().stream().filter(e -> e.getValue() > 0).allMatch(e -> {
                            var at = committed.get(e.getKey());
                            return at != null && at.offset() >= e.getValue();
                        });
                    });
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        try {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the end offsets of " + topic, e);
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        return consumer(bootstrapServers());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
