package ru.rosobr.assistant.intake.retention;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.platform.retention.RetentionRule;

/**
 * How long intake keeps personal data it does not need any more (the platform purges it): platform updates once
 * processed ({@code assistant.retention.inbound-updates}, 7 days — long enough for the platforms' redeliveries to
 * be recognised), the conversation texts ({@code assistant.retention.messages}, 365 days) and the delivery records
 * ({@code assistant.retention.outbound-deliveries}, 90 days). Appeal statistics live in analytics-service as
 * counts and are not affected.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    RetentionRule inboundUpdatesRetention(@Value("${assistant.retention.inbound-updates:7d}") Duration keep) {
        // an update still waiting (NEW) is never purged, however old
        return new RetentionRule("inbound_updates", "received_at", "status <> 'NEW'", keep);
    }

    @Bean
    RetentionRule messagesRetention(@Value("${assistant.retention.messages:365d}") Duration keep) {
        return RetentionRule.of("messages", "created_at", keep);
    }

    @Bean
    RetentionRule outboundDeliveriesRetention(@Value("${assistant.retention.outbound-deliveries:90d}") Duration keep) {
        return new RetentionRule("outbound_deliveries", "created_at", "status in ('DELIVERED', 'FAILED')", keep);
    }
}
