package ru.rosobr.assistant.platform.notify;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link PgNotifications} for every service with a PostgreSQL connection factory. It opens its dedicated connection
 * only when some feature listens on a channel.
 */
@AutoConfiguration(afterName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@ConditionalOnClass(name = "io.r2dbc.postgresql.api.PostgresqlConnection")
@ConditionalOnBean(type = "io.r2dbc.spi.ConnectionFactory")
public class NotifyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PgNotifications pgNotifications(ConnectionFactory connections,
                                    @Value("${assistant.notify.check-interval:5s}") Duration checkInterval) {
        return new PgNotifications(connections, checkInterval);
    }
}
