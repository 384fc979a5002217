package ru.rosobr.assistant.platform;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.platform.messaging.SubscriptionContainers;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.outbox.OutboxRelay;
import ru.rosobr.assistant.platform.worker.WakeUp;

/** Wires the outbox, its relay, the subscriptions and the topic declarations into every service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration"})
@ConditionalOnClass(name = {"org.springframework.kafka.core.KafkaTemplate",
        "org.springframework.r2dbc.core.DatabaseClient"})
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    /** Signalled after every commit that appended outbox rows; the relay waits on it. */
    @Bean
    WakeUp outboxWakeUp() {
        return new WakeUp();
    }

    @Bean
    Outbox outbox(DatabaseClient db, PlatformProperties props, WakeUp outboxWakeUp) {
        return new Outbox(db, props.serviceName(), outboxWakeUp);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, String> kafka,
                            PlatformProperties props, WakeUp outboxWakeUp) {
        return new OutboxRelay(db, tx, kafka, outboxWakeUp, props.outboxInterval(), props.outboxRetention());
    }

    @Bean
    SubscriptionContainers subscriptionContainers(ObjectProvider<EventSubscription<?>> subscriptions,
                                                  ObjectProvider<EventSubscriptions> subscriptionLists,
                                                  ConsumerFactory<String, String> consumerFactory,
                                                  DatabaseClient db, TransactionalOperator tx,
                                                  PlatformProperties props) {
        List<EventSubscription<?>> list = EventSubscriptions.collect(subscriptions, subscriptionLists);
        return new SubscriptionContainers(list, consumerFactory, db, tx, props.serviceName(),
                props.concurrency(), props.retryFor());
    }

    /**
     * Every service declares every topic of the registry: creation is idempotent, and a consumer that starts
     * before the writer finds its topic in place. Broker auto-creation stays off.
     */
    @Bean
    KafkaAdmin.NewTopics registryTopics(PlatformProperties props) {
        NewTopic[] topics = Topics.ALL.stream()
                .map(t -> TopicBuilder.name(t.name())
                        .partitions(t.partitions())
                        .replicas(props.replicationFactor())
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(t.retention().toMillis()))
                        .build())
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }
}
