package ru.rosobr.assistant.platform.metrics;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.platform.PlatformAutoConfiguration;

/** The state gauges of every service with a database (the gateway has none). */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnBean(DatabaseClient.class)
public class MetricsAutoConfiguration {

    @Bean
    StateGauges stateGauges(DatabaseClient db, ObjectProvider<MeterRegistry> registry, Environment env,
                            @Value("${assistant.metrics.state-refresh:PT15S}") Duration interval) {
        Map<String, String> extra = Binder.get(env)
                .bind("assistant.metrics.gauges", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return new StateGauges(db, registry.getIfAvailable(SimpleMeterRegistry::new), interval, extra);
    }
}
