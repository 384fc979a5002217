package ru.rosobr.assistant.operator.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The audit log every feature records its operator actions in. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(DatabaseClient db) {
        return new AuditTrail(db);
    }
}
