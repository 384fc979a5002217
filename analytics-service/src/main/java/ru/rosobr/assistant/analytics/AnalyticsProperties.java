package ru.rosobr.assistant.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param metricsRefresh how often the Prometheus counters are re-read from the projection; PT15S
 * @param leaderCheck    how often a replica tries to become the one that exports them, and the leader checks its
 *                       session (the longest a failover takes); PT5S
 */
@ConfigurationProperties("assistant.analytics")
public record AnalyticsProperties(Duration metricsRefresh, Duration leaderCheck) {
    public AnalyticsProperties {
        metricsRefresh = metricsRefresh == null ? Duration.ofSeconds(15) : metricsRefresh;
        if (metricsRefresh.isNegative() || metricsRefresh.isZero()) {
            throw new IllegalStateException("assistant.analytics.metrics-refresh must be positive");
        }
        leaderCheck = leaderCheck == null ? Duration.ofSeconds(5) : leaderCheck;
        if (leaderCheck.isNegative() || leaderCheck.isZero()) {
            throw new IllegalStateException("assistant.analytics.leader-check must be positive");
        }
    }
}
