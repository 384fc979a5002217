package ru.rosobr.assistant.intake.security;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * The admin API ({@code /api/admin/**}: teacher registry, deliveries) needs a valid operator-service token with the
 * ADMIN role — checked here too, behind the gateway — and so does the OpenAPI description where it is switched on
 * (springdoc, off in operation). Webhooks (they carry their own secrets), the web chat, the
 * simulator and the actuator stay open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final ServerBearerTokenAuthenticationConverter ADMIN_TOKENS =
            new ServerBearerTokenAuthenticationConverter();

    /**
     * Only verifies: the keys are operator-service's published ones, so this internet-facing service cannot mint a
     * token. With the JWKS address blanked the service still serves teachers; only the admin API refuses every token.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${assistant.jwt.jwks-uri:}") String jwksUri) {
        try {
            return JwtSupport.decoder(jwksUri);
        } catch (IllegalStateException e) {
            log.warn("{}: the admin API of intake-service will refuse every token", e.getMessage());
            return token -> Mono.error(new BadJwtException("ASSISTANT_JWKS_URI is not configured"));
        }
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/api/admin/**").hasRole("ADMIN")
                        .pathMatchers(ApiSecurity.apiDocsPaths()).hasRole("ADMIN")
                        .anyExchange().permitAll())
                .oauth2ResourceServer(rs -> rs
                        // a token is read on the admin API (and the API's description) only: a stale one elsewhere
                        // must not break a webhook
                        .bearerTokenConverter(exchange -> admin(exchange.getRequest().getPath()
                                .pathWithinApplication().value()) ? ADMIN_TOKENS.convert(exchange) : Mono.empty())
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(JwtSupport.authenticationConverter()))
                        .authenticationEntryPoint((exchange, e) -> json(exchange, HttpStatus.UNAUTHORIZED,
                                "Требуется вход: нет действительного токена доступа"))
                        .accessDeniedHandler((exchange, e) -> json(exchange, HttpStatus.FORBIDDEN,
                                "Недостаточно прав: нужна роль администратора (ADMIN)")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> json(exchange, HttpStatus.UNAUTHORIZED,
                                "Требуется вход: нет действительного токена доступа"))
                        .accessDeniedHandler((exchange, e) -> json(exchange, HttpStatus.FORBIDDEN,
                                "Недостаточно прав: нужна роль администратора (ADMIN)")))
                .build();
    }

    private static boolean admin(String path) {
        return path.startsWith("/api/admin/") || path.equals("/api/admin") || ApiSecurity.isApiDocs(path);
    }

    private static Mono<Void> json(ServerWebExchange exchange, HttpStatus status, String detail) {
        return ApiSecurity.problem(exchange, status, detail);
    }
}
