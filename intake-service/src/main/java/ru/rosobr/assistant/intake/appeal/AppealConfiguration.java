package ru.rosobr.assistant.intake.appeal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.intake.appeal.internal.AppealRepository;

@Configuration(proxyBeanMethods = false)
public class AppealConfiguration {

    @Bean
    Appeals appeals(DatabaseClient db) {
        return new Appeals(new AppealRepository(db));
    }
}
