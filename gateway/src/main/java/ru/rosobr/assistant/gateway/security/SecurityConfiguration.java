package ru.rosobr.assistant.gateway.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * The gateway only verifies tokens (operator-service's published keys; it holds no key that could sign one). The
 * console and statistics APIs need a token; on every other route a token that is presented must be valid too, so a
 * revoked token ({@code auth.revocations}: logout, user disabled or changed) is refused on every route. The services
 * check the token again and enforce region isolation themselves.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String NO_TOKEN = "Требуется вход: передайте действительный токен доступа";
    public static final String REVOKED = "Сеанс завершён или учётная запись изменена: войдите снова";

    @Bean
    Revocations revocations() {
        return new Revocations(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "assistant.revocations.enabled", matchIfMissing = true)
    RevocationListener revocationListener(@Value("${assistant.revocations.bootstrap-servers}") String bootstrap,
                                          Revocations revocations) {
        return new RevocationListener(bootstrap, revocations);
    }

    /** In readiness: a gateway that has not read the revocations in force yet must not take traffic. */
    @Bean
    HealthIndicator revocationsHealthIndicator(ObjectProvider<RevocationListener> listener) {
        return () -> {
            RevocationListener l = listener.getIfAvailable();
            return l == null ? Health.up().withDetail("reason", "отзывы токенов не читаются (отключено)").build()
                    : l.health();
        };
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${assistant.jwt.jwks-uri}") String jwksUri, Revocations revocations) {
        ReactiveJwtDecoder signature = JwtSupport.decoder(jwksUri);
        return token -> signature.decode(token).flatMap(jwt -> revocations.refuses(jwt)
                ? Mono.error(new RevokedToken()) : Mono.just(jwt));
    }

    /** Marks a refusal by revocation, so that the 401 says why. */
    static final class RevokedToken extends BadJwtException {
        RevokedToken() {
            super("token revoked");
        }
    }

    /** Probes stay open to the orchestrator; the gateway's metrics and other actuator endpoints only inside. */
    @Bean
    InternalOnly internalOnly() {
        return new InternalOnly();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> ApiSecurity.problem(exchange,
                HttpStatus.UNAUTHORIZED, ex.getCause() instanceof RevokedToken ? REVOKED : NO_TOKEN);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(ex -> ex
                        .pathMatchers("/api/console/**", "/api/analytics/**", "/api/campaigns", "/api/campaigns/**")
                        .authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .authenticationEntryPoint(unauthorized)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(JwtSupport.authenticationConverter())))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .build();
    }
}
