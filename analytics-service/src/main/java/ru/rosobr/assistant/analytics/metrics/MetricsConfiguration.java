package ru.rosobr.assistant.analytics.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.analytics.AnalyticsProperties;
import ru.rosobr.assistant.analytics.metrics.internal.RegionMetrics;
import ru.rosobr.assistant.analytics.summary.Breakdowns;
import ru.rosobr.assistant.analytics.summary.RegionStatistics;
import ru.rosobr.assistant.platform.leader.Leadership;

/** Per-region Prometheus meters for Grafana, exported by one replica only. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** Which replica exports the database totals (the lock space is database-wide, hence the service name). */
    @Bean
    Leadership metricsLeadership(ConnectionFactory connections, AnalyticsProperties props) {
        return new Leadership(connections, "analytics-service/region-metrics", props.leaderCheck());
    }

    @Bean
    RegionMetrics regionMetrics(RegionStatistics statistics, Breakdowns breakdowns, MeterRegistry registry,
                                AnalyticsProperties props, Leadership metricsLeadership) {
        return new RegionMetrics(statistics, breakdowns, registry, props.metricsRefresh(), metricsLeadership);
    }
}
