package ru.rosobr.assistant.analytics.summary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The statistics read side. */
@Configuration(proxyBeanMethods = false)
public class SummaryConfiguration {

    @Bean
    RegionStatistics regionStatistics(DatabaseClient db) {
        return new RegionStatistics(db);
    }

    @Bean
    Breakdowns breakdowns(DatabaseClient db) {
        return new Breakdowns(db);
    }
}
