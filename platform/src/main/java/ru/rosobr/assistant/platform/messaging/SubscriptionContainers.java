package ru.rosobr.assistant.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.platform.json.EventCodec;

/**
 * One listener container per {@link EventSubscription}, in the service's consumer group. Decoding, idempotency,
 * retries and dead-lettering are handled here so that services only write the effect.
 */
public class SubscriptionContainers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionContainers.class);

    private final List<ConcurrentMessageListenerContainer<String, String>> containers = new ArrayList<>();
    private volatile boolean running;

    public SubscriptionContainers(List<EventSubscription<?>> subscriptions, ConsumerFactory<String, String> factory,
                                  IdempotentConsumer idempotent, DatabaseClient db, String group, int concurrency,
                                  Duration retryFor) {
        for (EventSubscription<?> subscription : subscriptions) {
            containers.add(container(subscription, factory, idempotent, db, group, concurrency, retryFor));
        }
    }

    private static <T extends Event> ConcurrentMessageListenerContainer<String, String> container(
            EventSubscription<T> sub, ConsumerFactory<String, String> factory, IdempotentConsumer idempotent,
            DatabaseClient db, String group, int concurrency, Duration retryFor) {
        String topicName = sub.topic().name();
        ContainerProperties props = new ContainerProperties(topicName);
        props.setGroupId(group);
        props.setAckMode(ContainerProperties.AckMode.RECORD);
        props.setMessageListener((MessageListener<String, String>) record -> {
            T event = EventCodec.read(sub.topic(), record.value());
            Boolean applied = idempotent.process(group + ":" + topicName, event.eventId(),
                    () -> sub.handler().apply(event)).block(Duration.ofSeconds(60));
            if (Boolean.FALSE.equals(applied)) {
                log.info("{}: event {} already processed, skipped", topicName, event.eventId());
            }
        });
        var container = new ConcurrentMessageListenerContainer<>(factory, props);
        container.setConcurrency(concurrency);
        container.setBeanName(group + "-" + topicName);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(retryFor.toMillis());
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(
                (record, ex) -> deadLetter(db, group, record, ex), backOff);
        // a record that is not valid JSON for its topic will never become valid: dead-letter it at once
        errorHandler.addNotRetryableExceptions(JacksonException.class);
        container.setCommonErrorHandler(errorHandler);
        return container;
    }

    /** After the retries: keep the record in the database (nothing is lost) and move on. */
    private static void deadLetter(DatabaseClient db, String group, ConsumerRecord<?, ?> record, Exception ex) {
        log.error("{}: giving up on {}-{}@{}: {}", group, record.topic(), record.partition(), record.offset(),
                ex.toString());
        Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
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
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
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
