package ru.rosobr.assistant.answer.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * The KB administration API needs a JWT with role KB_EDITOR, FEDERAL or ADMIN (operators and heads may read); the answer preview (used by the
 * KB editor and by evaluation) and the actuator stay open. Stateless: no session, no CSRF token (bearer tokens).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ApiSecurity.jwtApi(http, decoder, a -> a
                .pathMatchers(HttpMethod.POST, "/api/answers/preview").permitAll()
                .pathMatchers("/actuator/**").permitAll()
                // operators' judgements carry appeals of every region: only curators read them
                .pathMatchers("/api/kb/judgements/**", "/api/kb/judgements").hasAnyRole("KB_EDITOR", "FEDERAL", "ADMIN")
                // operators search verified entries from the reply box; only curators change the base
                .pathMatchers(HttpMethod.GET, "/api/kb/**")
                        .hasAnyRole("KB_EDITOR", "FEDERAL", "ADMIN", "OPERATOR", "REGIONAL_HEAD")
                .pathMatchers("/api/kb/**").hasAnyRole("KB_EDITOR", "FEDERAL", "ADMIN")
                .anyExchange().denyAll());
    }
}
