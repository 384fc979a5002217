package ru.rosobr.assistant.analytics.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.json.EventCodec;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * The statistics API needs a valid token issued by operator-service, checked here as well as at the gateway.
 * Health and Prometheus stay open for probes and the scraper (keep them off the public network).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${assistant.jwt.secret:}") String secret) {
        return JwtSupport.decoder(secret);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(ex -> ex
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/api/analytics/**").hasAnyRole("FEDERAL", "ADMIN", "OPERATOR", "REGIONAL_HEAD")
                        .anyExchange().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(JwtSupport.authenticationConverter()))
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "Нужен действующий токен доступа: войдите в консоль заново."))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN,
                                "Недостаточно прав для просмотра статистики.")))
                .exceptionHandling(eh -> eh
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "Нужен действующий токен доступа: войдите в консоль заново."))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN,
                                "Недостаточно прав для просмотра статистики.")))
                .build();
    }

    /** A problem+json body with the reason, like the service's other errors. */
    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        byte[] bytes = EventCodec.mapper().writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
