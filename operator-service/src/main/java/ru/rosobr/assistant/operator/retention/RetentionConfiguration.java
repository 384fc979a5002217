package ru.rosobr.assistant.operator.retention;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.platform.retention.RetentionRule;

/**
 * What operator-service purges (the platform runs the purge): the audit log after
 * {@code assistant.retention.audit-log} (3 years; the database refuses to delete an entry younger than a year, so a
 * shorter setting is refused at start) and login sessions {@code assistant.retention.sessions} (30 days) after they
 * expired.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    static final Duration AUDIT_FLOOR = Duration.ofDays(366);

    @Bean
    RetentionRule auditLogRetention(@Value("${assistant.retention.audit-log:1095d}") Duration keep) {
        if (keep.compareTo(AUDIT_FLOOR) < 0) {
            throw new IllegalStateException("assistant.retention.audit-log must be at least a year: the audit log is "
                    + "evidence, and the database refuses to delete younger entries");
        }
        return RetentionRule.of("audit_log", "at", keep);
    }

    @Bean
    RetentionRule sessionsRetention(@Value("${assistant.retention.sessions:30d}") Duration keep) {
        return RetentionRule.of("sessions", "expires_at", keep);
    }
}
