package ru.rosobr.assistant.operator.auth;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.users.Users;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * The token issuer: signing key from ASSISTANT_JWT_SIGNING_KEY (plus ASSISTANT_JWT_EXTRA_KEYS published during a
 * rotation), access tokens for assistant.jwt.expiry (10 minutes), sessions for assistant.jwt.session (12 hours).
 */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

    @Bean
    SigningKeys signingKeys(@Value("${assistant.jwt.signing-key:}") String signingKey,
                            @Value("${assistant.jwt.extra-keys:}") String extraKeys) {
        return SigningKeys.load(signingKey, extraKeys);
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKeys keys, @Value("${assistant.jwt.expiry:10m}") Duration expiry) {
        return new TokenIssuer(keys, expiry, Clock.systemUTC());
    }

    @Bean
    Sessions sessions(DatabaseClient db, @Value("${assistant.jwt.session:12h}") Duration lifetime) {
        return new Sessions(db, lifetime, Clock.systemUTC());
    }

    @Bean
    AccessCheck accessCheck(DatabaseClient db) {
        return new AccessCheck(db);
    }

    @Bean
    AuthService authService(Users users, Sessions sessions, TokenIssuer tokens, AuditTrail audit, Outbox outbox,
                            TransactionalOperator tx) {
        return new AuthService(users, sessions, tokens, audit, outbox, tx);
    }
}
