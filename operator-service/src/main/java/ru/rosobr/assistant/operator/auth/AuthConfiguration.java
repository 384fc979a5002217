package ru.rosobr.assistant.operator.auth;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.security.RevokedTokenException;
import ru.rosobr.assistant.operator.users.Users;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * The token issuer: signing key from ASSISTANT_JWT_SIGNING_KEY (plus ASSISTANT_JWT_EXTRA_KEYS published during a
 * rotation), access tokens for assistant.jwt.expiry (10 minutes), sessions for assistant.jwt.session (12 hours); and
 * the verification of the tokens this service's API is called with.
 */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

    static final String REVOKED_MESSAGE = "Сеанс завершён (выполнен выход): войдите снова";
    static final String CHANGED_MESSAGE = "Учётная запись изменена или отключена: войдите снова";

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

    /**
     * Verified against the own published keys, locally; a valid signature is not enough: a token of an ended session
     * or of a user changed since is refused too.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeys keys, AccessCheck access) {
        ReactiveJwtDecoder signature = JwtSupport.decoder(jwt -> {
            var key = keys.published().getKeyByKeyId(jwt.getHeader().getKeyID());
            return key == null ? Flux.empty() : Flux.just(key);
        });
        return token -> signature.decode(token).flatMap(jwt -> access.verdict(jwt).flatMap(v -> switch (v) {
            case ACTIVE -> Mono.just(jwt);
            case SESSION_ENDED -> Mono.error(new RevokedTokenException(REVOKED_MESSAGE));
            case USER_CHANGED -> Mono.error(new RevokedTokenException(CHANGED_MESSAGE));
        }));
    }
}
