package ru.rosobr.assistant.operator.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;

/**
 * The audit log every feature records its operator actions in, and the staff actions other services report on
 * their {@code audit.*} topics (each appended once, in the transaction of its dedupe row).
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(DatabaseClient db) {
        return new AuditTrail(db);
    }

    @Bean
    EventSubscriptions auditSubscriptions(AuditTrail audit) {
        return EventSubscriptions.of(
                EventSubscription.on(Topics.AUDIT_INTAKE, audit::recordReported),
                EventSubscription.on(Topics.AUDIT_ROUTING, audit::recordReported),
                EventSubscription.on(Topics.AUDIT_ANSWER, audit::recordReported),
                EventSubscription.on(Topics.AUDIT_FOLLOWUP, audit::recordReported));
    }
}
