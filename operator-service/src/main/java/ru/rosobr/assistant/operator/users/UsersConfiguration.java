package ru.rosobr.assistant.operator.users;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.users.internal.DemoUsers;
import ru.rosobr.assistant.operator.users.internal.FirstAdmin;
import ru.rosobr.assistant.operator.users.internal.UserRepository;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * The user directory (lockout after assistant.auth.max-failed-logins wrong passwords for assistant.auth.lockout),
 * the first administrator of a fresh install and, on the dev stack, the demo users.
 */
@Configuration(proxyBeanMethods = false)
public class UsersConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Users users(DatabaseClient db, PasswordEncoder encoder,
                @Value("${assistant.auth.max-failed-logins:5}") int maxFailedLogins,
                @Value("${assistant.auth.lockout:15m}") Duration lockout) {
        return new Users(new UserRepository(db), encoder, maxFailedLogins, lockout, Clock.systemUTC());
    }

    @Bean
    UserAdmin userAdmin(Users users, AuditTrail audit, Outbox outbox, TransactionalOperator tx,
                        @Value("${assistant.jwt.expiry:10m}") Duration accessTokenLifetime) {
        return new UserAdmin(users, audit, outbox, tx, accessTokenLifetime);
    }

    /** DEMO_DATA=true only: never in production. */
    @Bean
    @ConditionalOnBooleanProperty("assistant.demo-data")
    ApplicationRunner demoUsers(Users users) {
        return args -> new DemoUsers(users).seed().block(Duration.ofSeconds(60));
    }

    /** Without demo data: the first administrator, so that somebody can log in to a fresh install. */
    @Bean
    @ConditionalOnBooleanProperty(name = "assistant.demo-data", havingValue = false, matchIfMissing = true)
    ApplicationRunner firstAdmin(Users users, DatabaseClient db, TransactionalOperator tx,
                                 @Value("${assistant.admin.username:admin}") String username,
                                 @Value("${assistant.admin.password:}") String password) {
        return args -> new FirstAdmin(users, db, tx, username, password).ensure().block(Duration.ofSeconds(60));
    }
}
