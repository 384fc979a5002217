package ru.rosobr.assistant.analytics.rebuild;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.analytics.rebuild.internal.Rebuilder;
import ru.rosobr.assistant.platform.PlatformProperties;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;

/** The projection's rebuild from offset 0 (an administrator's operation). */
@Configuration(proxyBeanMethods = false)
public class RebuildConfiguration {

    @Bean
    Rebuilder rebuilder(ObjectProvider<EventSubscription<?>> subscriptions,
                        ObjectProvider<EventSubscriptions> subscriptionLists, ConsumerFactory<String, String> consumers,
                        DatabaseClient db, TransactionalOperator tx, Flyway flyway, PlatformProperties props) {
        return new Rebuilder(EventSubscriptions.collect(subscriptions, subscriptionLists), consumers, db, tx, flyway,
                props.serviceName());
    }
}
