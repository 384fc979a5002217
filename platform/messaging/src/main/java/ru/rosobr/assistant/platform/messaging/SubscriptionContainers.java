package ru.rosobr.assistant.platform.messaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * One batch listener container for all of the service's {@link EventSubscription}s, in the service's consumer
 * group, with {@code concurrency} consumer threads; each thread owns whole partitions, so the events of one appeal
 * (one key, one partition) are applied in order. Decoding, idempotency, batching, retries and dead-lettering are
 * handled here so that services only write the effect.
 */
public class SubscriptionContainers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionContainers.class);

    private final ConcurrentMessageListenerContainer<String, String> container;
    private volatile boolean running;

    public SubscriptionContainers(List<EventSubscription<?>> subscriptions, ConsumerFactory<String, String> factory,
                                  DatabaseClient db, TransactionalOperator tx, String group, int concurrency,
                                  Duration retryFor) {
        Map<String, EventSubscription<?>> byTopic = new LinkedHashMap<>();
        for (EventSubscription<?> s : subscriptions) {
            if (byTopic.putIfAbsent(s.topic().name(), s) != null) {
                throw new IllegalStateException(group + " subscribes twice to " + s.topic().name());
            }
        }
        if (byTopic.isEmpty()) {
            container = null;
            return;
        }
        EventBatches batches = new EventBatches(byTopic, db, tx, group);
        ContainerProperties props = new ContainerProperties(byTopic.keySet().toArray(String[]::new));
        props.setGroupId(group);
        props.setAckMode(ContainerProperties.AckMode.BATCH);
        props.setMessageListener((BatchMessageListener<String, String>) batches::onBatch);
        container = new ConcurrentMessageListenerContainer<>(factory, props);
        container.setConcurrency(concurrency);
        container.setBeanName(group + "-events");
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(retryFor.toMillis());
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(
                (record, ex) -> deadLetter(db, group, record, ex), backOff);
        // a record that is not valid JSON for its topic will never become valid: dead-letter it at once
        errorHandler.addNotRetryableExceptions(JacksonException.class);
        container.setCommonErrorHandler(errorHandler);
    }

    /** After the retries: keep the record in the database (nothing is lost) and move on. */
    private static void deadLetter(DatabaseClient db, String group, ConsumerRecord<?, ?> record, Exception ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause != cause.getCause()
                && (cause instanceof org.springframework.kafka.KafkaException)) {
            cause = cause.getCause();
        }
        log.error("{}: giving up on {}-{}@{}: {}", group, record.topic(), record.partition(), record.offset(),
                cause.toString());
        db.sql("insert into dead_letters (consumer, topic, kafka_partition, kafka_offset, record_key, payload, error) "
                        + "values (:c, :t, :p, :o, :k, :v, :e)")
                .bind("c", group)
                .bind("t", record.topic())
                .bind("p", record.partition())
                .bind("o", record.offset())
                .bind("k", String.valueOf(record.key()))
                .bind("v", String.valueOf(record.value()))
                .bind("e", cause.toString())
                .then().block(Duration.ofSeconds(30));
    }

    @Override
    public void start() {
        if (container != null) {
            container.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
