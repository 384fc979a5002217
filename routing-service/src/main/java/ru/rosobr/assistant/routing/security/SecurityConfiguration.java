package ru.rosobr.assistant.routing.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * A valid operator-service token is needed everywhere but the actuator: the roster for ADMIN, FEDERAL and
 * REGIONAL_HEAD, its changes for ADMIN, the own shift for OPERATOR.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ApiSecurity.jwtApi(http, decoder, auth -> auth
                        .pathMatchers("/actuator/**").permitAll()
                        .pathMatchers("/api/routing/shifts/**").hasRole("OPERATOR")
                        .pathMatchers(HttpMethod.PUT, "/api/routing/operators/**").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.GET, "/api/routing/operators").hasAnyRole("ADMIN", "FEDERAL",
                                "REGIONAL_HEAD")
                        .anyExchange().denyAll());
    }
}
