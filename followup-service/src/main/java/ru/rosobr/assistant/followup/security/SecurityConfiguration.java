package ru.rosobr.assistant.followup.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * Campaigns need a token of operator-service with FEDERAL, ADMIN or REGIONAL_HEAD (a head only for the own region,
 * checked by the campaigns API), here as well as at the gateway. The deadline calculator gives no personal data
 * and stays open, as do health and Prometheus.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ApiSecurity.jwtApi(http, decoder, ex -> ex
                        .pathMatchers("/api/campaigns", "/api/campaigns/**")
                        .hasAnyRole("FEDERAL", "ADMIN", "REGIONAL_HEAD")
                        .anyExchange().permitAll(),
                "Нужен действующий токен доступа: войдите в консоль заново.",
                "Рассылки доступны руководителю региона, Рособрнадзору и администратору.");
    }
}
