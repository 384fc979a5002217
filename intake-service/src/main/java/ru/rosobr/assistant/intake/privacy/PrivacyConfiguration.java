package ru.rosobr.assistant.intake.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.intake.privacy.internal.PersonalDataRepository;
import ru.rosobr.assistant.intake.teacher.Teachers;
import ru.rosobr.assistant.platform.outbox.Outbox;

/** Export and erasure of a teacher's personal data. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    PersonalData personalData(Teachers teachers, DatabaseClient db, Outbox outbox, TransactionalOperator tx) {
        return new PersonalData(teachers, new PersonalDataRepository(db), outbox, tx);
    }
}
