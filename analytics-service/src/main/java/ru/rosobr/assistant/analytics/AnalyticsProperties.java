package ru.rosobr.assistant.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param metricsRefresh how often the Prometheus counters are re-read from the projection; PT15S */
@ConfigurationProperties("assistant.analytics")
public record AnalyticsProperties(Duration metricsRefresh) {
    public AnalyticsProperties {
        metricsRefresh = metricsRefresh == null ? Duration.ofSeconds(15) : metricsRefresh;
        if (metricsRefresh.isNegative() || metricsRefresh.isZero()) {
            throw new IllegalStateException("assistant.analytics.metrics-refresh must be positive");
        }
    }
}
