package ru.rosobr.assistant.operator.security;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.auth.RevokedTokens;
import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * Login and actuator are open; the console, {@code /api/auth/me} and {@code /api/auth/logout} need a valid token of
 * this service that was not revoked by logout (checked here too, not only by the gateway). Missing, bad or revoked
 * token → 401, wrong role → 403, both as problem JSON.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String CONSOLE_ROLES_MESSAGE = "Недостаточно прав для этого действия";
    static final String NO_TOKEN_MESSAGE = "Требуется вход: нет действительного токена доступа";

    static final String REVOKED_MESSAGE = "Сеанс завершён (выполнен выход): войдите снова";

    /** A valid signature is not enough here: a token ended by logout is refused too. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${assistant.jwt.secret:}") String secret, RevokedTokens revoked) {
        ReactiveJwtDecoder signature = JwtSupport.decoder(secret);
        return token -> signature.decode(token).flatMap(jwt -> revoked.isRevoked(jwt)
                .flatMap(gone -> gone ? Mono.error(new RevokedTokenException()) : Mono.just(jwt)));
    }

    /** Marks the refusal of a revoked token, so that the 401 says why. */
    static final class RevokedTokenException extends BadJwtException {
        RevokedTokenException() {
            super("token revoked by logout");
        }
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ApiSecurity.jwtApi(http, decoder, auth -> auth
                        .pathMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
                        .pathMatchers("/actuator/**").permitAll()
                        .pathMatchers("/api/auth/me", "/api/auth/logout").authenticated()
                        // knowledge-base drafts: KB editors too (they see no appeals); finer rules in the service
                        .pathMatchers("/api/console/kb-drafts", "/api/console/kb-drafts/**").hasAnyRole("OPERATOR",
                                "REGIONAL_HEAD", "FEDERAL", "KB_EDITOR", "ADMIN")
                        .pathMatchers("/api/console/**").hasAnyRole("OPERATOR", "REGIONAL_HEAD", "FEDERAL", "ADMIN")
                        .anyExchange().denyAll(),
                e -> e.getCause() instanceof RevokedTokenException ? REVOKED_MESSAGE : NO_TOKEN_MESSAGE,
                CONSOLE_ROLES_MESSAGE);
    }
}
