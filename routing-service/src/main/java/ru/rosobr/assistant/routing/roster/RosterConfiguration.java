package ru.rosobr.assistant.routing.roster;

import java.time.Duration;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.routing.roster.internal.DemoRoster;
import ru.rosobr.assistant.routing.roster.internal.StaffUsers;

/** The roster, kept from the console's user directory, and, on the dev stack, its demo operators. */
@Configuration(proxyBeanMethods = false)
public class RosterConfiguration {

    @Bean
    Roster roster(DatabaseClient db) {
        return new Roster(db);
    }

    /** Operators created, changed or disabled in the console reach the roster by event, not by a call. */
    @Bean
    EventSubscriptions rosterSubscriptions(Roster roster) {
        return EventSubscriptions.of(
                EventSubscription.on(Topics.STAFF_USER_CHANGED, new StaffUsers(roster)::onChanged));
    }

    /** Demo operators of the two pilot regions (DEMO_DATA=true); never in production. */
    @Bean
    @ConditionalOnBooleanProperty("assistant.demo-data")
    ApplicationRunner demoRoster(Roster roster, TransactionalOperator tx) {
        return args -> new DemoRoster(roster, tx).seed().block(Duration.ofSeconds(30));
    }
}
