package ru.rosobr.assistant.operator.users;

import java.time.Duration;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import ru.rosobr.assistant.operator.users.internal.DemoUsers;
import ru.rosobr.assistant.operator.users.internal.UserRepository;

/** The user directory and, on the dev stack, its demo users. */
@Configuration(proxyBeanMethods = false)
public class UsersConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Users users(DatabaseClient db, PasswordEncoder encoder) {
        return new Users(new UserRepository(db), encoder);
    }

    @Bean
    UserAdmin userAdmin(Users users, ru.rosobr.assistant.operator.appeals.AuditTrail audit) {
        return new UserAdmin(users, audit);
    }

    /** DEMO_DATA=true only: never in production. */
    @Bean
    @ConditionalOnBooleanProperty("assistant.demo-data")
    ApplicationRunner demoUsers(Users users) {
        return args -> new DemoUsers(users).seed().block(Duration.ofSeconds(60));
    }
}
