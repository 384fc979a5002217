package ru.rosobr.assistant.analytics.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * The statistics API needs a valid token issued by operator-service, checked here as well as at the gateway.
 * Health and Prometheus stay open for probes and the scraper (keep them off the public network).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ApiSecurity.jwtApi(http, decoder, ex -> ex
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/api/analytics/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/analytics/**").hasAnyRole("FEDERAL", "ADMIN", "OPERATOR", "REGIONAL_HEAD")
                        .anyExchange().denyAll(),
                "Нужен действующий токен доступа: войдите в консоль заново.",
                "Недостаточно прав для просмотра статистики.");
    }
}
