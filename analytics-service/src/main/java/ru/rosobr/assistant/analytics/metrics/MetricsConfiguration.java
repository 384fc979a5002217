package ru.rosobr.assistant.analytics.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.analytics.AnalyticsProperties;
import ru.rosobr.assistant.analytics.metrics.internal.RegionMetrics;
import ru.rosobr.assistant.analytics.summary.RegionStatistics;

/** Per-region Prometheus meters for Grafana. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    RegionMetrics regionMetrics(RegionStatistics statistics, MeterRegistry registry, AnalyticsProperties props) {
        return new RegionMetrics(statistics, registry, props.metricsRefresh());
    }
}
