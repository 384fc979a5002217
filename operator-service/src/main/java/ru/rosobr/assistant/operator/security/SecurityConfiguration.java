package ru.rosobr.assistant.operator.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * Login, refresh, the public keys and actuator are open; the console and the rest of {@code /api/auth} need a
 * token signed by this service's key whose session was not ended and whose user was not changed since (checked here
 * too, not only by the gateway: the decoder is auth's). Missing, bad or revoked token → 401, wrong role → 403, both
 * as problem JSON.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String CONSOLE_ROLES_MESSAGE = "Недостаточно прав для этого действия";
    static final String NO_TOKEN_MESSAGE = "Требуется вход: нет действительного токена доступа";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ApiSecurity.jwtApi(http, decoder, auth -> auth
                        .pathMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/refresh").permitAll()
                        .pathMatchers(HttpMethod.GET, JwtSupport.JWKS_PATH).permitAll()
                        .pathMatchers("/actuator/**").permitAll()
                        .pathMatchers("/api/auth/me", "/api/auth/logout", "/api/auth/password").authenticated()
                        // knowledge-base drafts: KB editors too (they see no appeals); finer rules in the service
                        .pathMatchers("/api/console/kb-drafts", "/api/console/kb-drafts/**").hasAnyRole("OPERATOR",
                                "REGIONAL_HEAD", "FEDERAL", "KB_EDITOR", "ADMIN")
                        .pathMatchers("/api/console/**").hasAnyRole("OPERATOR", "REGIONAL_HEAD", "FEDERAL", "ADMIN")
                        .anyExchange().denyAll(),
                e -> e.getCause() instanceof RevokedTokenException r ? r.getMessage() : NO_TOKEN_MESSAGE,
                CONSOLE_ROLES_MESSAGE);
    }
}
