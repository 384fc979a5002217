package ru.rosobr.assistant.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;

import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * The gateway rejects requests without a valid token early for the console and statistics APIs; the services
 * check the token again and enforce region isolation themselves.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${assistant.jwt.secret}") String secret) {
        return JwtSupport.decoder(secret);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> ApiSecurity.problem(exchange,
                HttpStatus.UNAUTHORIZED, "Требуется вход: передайте действительный токен доступа");
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
