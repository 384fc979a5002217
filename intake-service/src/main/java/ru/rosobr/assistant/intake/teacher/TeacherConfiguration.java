package ru.rosobr.assistant.intake.teacher;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.intake.teacher.internal.TeacherRepository;
import ru.rosobr.assistant.platform.outbox.Outbox;

@Configuration(proxyBeanMethods = false)
public class TeacherConfiguration {

    @Bean
    Teachers teachers(DatabaseClient db, Outbox outbox, Clock clock) {
        return new Teachers(new TeacherRepository(db), outbox, clock);
    }

    @Bean
    RegistryUpload registryUpload(Teachers teachers, TransactionalOperator tx, Outbox outbox) {
        return new RegistryUpload(teachers, tx, outbox);
    }
}
