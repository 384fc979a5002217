package ru.rosobr.assistant.intake.appeal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.intake.appeal.internal.AppealRepository;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;

@Configuration(proxyBeanMethods = false)
public class AppealConfiguration {

    @Bean
    Appeals appeals(DatabaseClient db) {
        return new Appeals(new AppealRepository(db));
    }

    /** The deadline and its steps from followup-service, kept for the «статус» command. */
    @Bean
    EventSubscriptions appealSubscriptions(Appeals appeals) {
        return EventSubscriptions.of(
                EventSubscription.on(Topics.APPEAL_SLA, appeals::onSla));
    }
}
