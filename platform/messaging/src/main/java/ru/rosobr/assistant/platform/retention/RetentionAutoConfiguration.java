package ru.rosobr.assistant.platform.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.platform.PlatformAutoConfiguration;
import ru.rosobr.assistant.platform.worker.PeriodicTask;

/**
 * Retention in every service with a database: the platform's own tables — {@code processed_events}
 * ({@code assistant.retention.processed-events}, 40 days: longer than the topics keep records, so an event cannot
 * come back after its de-duplication row is gone) and {@code dead_letters} ({@code assistant.retention.dead-letters},
 * 90 days) — plus every {@link RetentionRule} bean of the service. {@code assistant.retention.enabled=false} stops
 * the purge.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.r2dbc.core.DatabaseClient")
@ConditionalOnBean(DatabaseClient.class)
@ConditionalOnBooleanProperty(name = "assistant.retention.enabled", matchIfMissing = true)
public class RetentionAutoConfiguration {

    @Bean
    RetentionPurge retentionPurge(DatabaseClient db, ObjectProvider<RetentionRule> serviceRules,
                                  @Value("${assistant.retention.processed-events:40d}") Duration processedEvents,
                                  @Value("${assistant.retention.dead-letters:90d}") Duration deadLetters,
                                  @Value("${assistant.retention.batch:5000}") int batch) {
        List<RetentionRule> rules = new ArrayList<>();
        rules.add(RetentionRule.of("processed_events", "processed_at", processedEvents));
        rules.add(RetentionRule.of("dead_letters", "failed_at", deadLetters));
        serviceRules.orderedStream().forEach(rules::add);
        return new RetentionPurge(db, rules, batch);
    }

    /** Every replica purges: the slices lock with SKIP LOCKED, so no leader is needed. */
    @Bean
    PeriodicTask retentionPurgeTask(RetentionPurge purge, @Value("${assistant.retention.interval:1h}") Duration interval) {
        return new PeriodicTask("retention purge", interval, purge::purgeOnce);
    }
}
