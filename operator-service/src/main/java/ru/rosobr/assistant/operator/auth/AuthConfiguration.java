package ru.rosobr.assistant.operator.auth;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The token issuer (key from ASSISTANT_JWT_SECRET, lifetime from assistant.jwt.expiry, default 8 hours) and the
 * list of tokens ended by logout.
 */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

    @Bean
    TokenIssuer tokenIssuer(@Value("${assistant.jwt.secret:}") String secret,
                            @Value("${assistant.jwt.expiry:8h}") Duration expiry) {
        return new TokenIssuer(secret, expiry, Clock.systemUTC());
    }

    @Bean
    RevokedTokens revokedTokens(DatabaseClient db) {
        return new RevokedTokens(db);
    }
}
