package ru.rosobr.assistant.operator.security;

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
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.auth.RevokedTokens;
import ru.rosobr.assistant.platform.json.EventCodec;
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
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) ->
                problem(exchange, HttpStatus.UNAUTHORIZED,
                        e.getCause() instanceof RevokedTokenException ? REVOKED_MESSAGE : NO_TOKEN_MESSAGE);
        ServerAccessDeniedHandler forbidden = (exchange, e) ->
                problem(exchange, HttpStatus.FORBIDDEN, CONSOLE_ROLES_MESSAGE);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookies
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
                        .pathMatchers("/actuator/**").permitAll()
                        .pathMatchers("/api/auth/me", "/api/auth/logout").authenticated()
                        // knowledge-base drafts: KB editors too (they see no appeals); finer rules in the service
                        .pathMatchers("/api/console/kb-drafts", "/api/console/kb-drafts/**").hasAnyRole("OPERATOR",
                                "REGIONAL_HEAD", "FEDERAL", "KB_EDITOR", "ADMIN")
                        .pathMatchers("/api/console/**").hasAnyRole("OPERATOR", "REGIONAL_HEAD", "FEDERAL", "ADMIN")
                        .anyExchange().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(JwtSupport.authenticationConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    /** A problem-details body, like every other error of the service. */
    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail) {
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
