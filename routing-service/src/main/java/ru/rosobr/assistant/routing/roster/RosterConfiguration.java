package ru.rosobr.assistant.routing.roster;

import java.time.Duration;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.routing.roster.internal.DemoRoster;

/** The roster and, on the dev stack, its demo operators. */
@Configuration(proxyBeanMethods = false)
public class RosterConfiguration {

    @Bean
    Roster roster(DatabaseClient db) {
        return new Roster(db);
    }

    /** Demo operators of the two pilot regions (DEMO_DATA=true); never in production. */
    @Bean
    @ConditionalOnBooleanProperty("assistant.demo-data")
    ApplicationRunner demoRoster(Roster roster, TransactionalOperator tx) {
        return args -> new DemoRoster(roster, tx).seed().block(Duration.ofSeconds(30));
    }
}
