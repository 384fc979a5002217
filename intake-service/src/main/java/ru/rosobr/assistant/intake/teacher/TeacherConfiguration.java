package ru.rosobr.assistant.intake.teacher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.intake.teacher.internal.TeacherRepository;

@Configuration(proxyBeanMethods = false)
public class TeacherConfiguration {

    @Bean
    Teachers teachers(DatabaseClient db) {
        return new Teachers(new TeacherRepository(db));
    }
}
