package ru.rosobr.assistant.routing.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.json.EventCodec;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * A valid operator-service token is needed everywhere but the actuator: the roster for ADMIN, FEDERAL and
 * REGIONAL_HEAD, its changes for ADMIN, the own shift for OPERATOR.
 */
@Configuration(proxyBeanMethods = false)
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
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/**").permitAll()
                        .pathMatchers("/api/routing/shifts/**").hasRole("OPERATOR")
                        .pathMatchers(HttpMethod.PUT, "/api/routing/operators/**").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.GET, "/api/routing/operators").hasAnyRole("ADMIN", "FEDERAL",
                                "REGIONAL_HEAD")
                        .anyExchange().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(JwtSupport.authenticationConverter()))
                        .authenticationEntryPoint((exchange, e) -> json(exchange, HttpStatus.UNAUTHORIZED,
                                "Требуется вход: нет действительного токена доступа"))
                        .accessDeniedHandler((exchange, e) -> json(exchange, HttpStatus.FORBIDDEN,
                                "Недостаточно прав для этого действия")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> json(exchange, HttpStatus.UNAUTHORIZED,
                                "Требуется вход: нет действительного токена доступа"))
                        .accessDeniedHandler((exchange, e) -> json(exchange, HttpStatus.FORBIDDEN,
                                "Недостаточно прав для этого действия")))
                .build();
    }

    /** A problem-details body, like every other error of the service. */
    private static Mono<Void> json(ServerWebExchange exchange, HttpStatus status, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        byte[] bytes = EventCodec.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
