package ru.rosobr.assistant.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * The security chain every service API shares: stateless, bearer JWT from operator-service, and problem+json
 * bodies with a Russian reason for 401 and 403, the OpenAPI description for administrators only. A service only
 * states its access rules.
 */
public final class ApiSecurity {

    public static final String UNAUTHORIZED = "Требуется вход: нет действительного токена доступа";
    public static final String FORBIDDEN = "Недостаточно прав для этого действия";

    /**
     * The OpenAPI description (springdoc, {@code ApiDocsAutoConfiguration}), where a service switches it on: for
     * administrators only, whatever the service's own rules say (it names every route of the API).
     */
    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};

    private ApiSecurity() {
    }

    /** The OpenAPI description's paths, for a service whose chain is its own: it keeps them for administrators too. */
    public static String[] apiDocsPaths() {
        return API_DOCS.clone();
    }

    /** Whether {@code path} (within the application) is one of the OpenAPI description's. */
    public static boolean isApiDocs(String path) {
        return path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/") || path.equals("/v3/api-docs.yaml");
    }

    public static SecurityWebFilterChain jwtApi(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> rules) {
        return jwtApi(http, decoder, rules, UNAUTHORIZED, FORBIDDEN);
    }

    public static SecurityWebFilterChain jwtApi(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> rules,
                                                String unauthorized, String forbidden) {
        return jwtApi(http, decoder, rules, e -> unauthorized, forbidden);
    }

    /** As above, with the 401 reason chosen per failure (e.g. "you logged out" for a revoked token). */
    public static SecurityWebFilterChain jwtApi(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> rules,
                                                Function<AuthenticationException, String> unauthorized,
                                                String forbidden) {
        ServerAuthenticationEntryPoint entryPoint = (exchange, e) ->
                problem(exchange, HttpStatus.UNAUTHORIZED, unauthorized.apply(e));
        ServerAccessDeniedHandler denied = (exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN, forbidden);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(auth -> {
                    auth.pathMatchers(API_DOCS).hasRole("ADMIN");
                    rules.customize(auth);
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(JwtSupport.authenticationConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(eh -> eh.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .build();
    }

    /** Writes an RFC 9457 problem body, like every other error of the services. */
    public static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail) {
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
