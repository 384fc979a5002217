package ru.rosobr.assistant.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * HS256 tokens issued by operator-service and checked by the gateway and by every service with a protected API.
 * Claims: {@code sub} (username), {@code roles} (OPERATOR, REGIONAL_HEAD, FEDERAL, KB_EDITOR, ADMIN),
 * {@code region} (two-digit code for regional users).
 */
public final class JwtSupport {

    public static final String ROLES = "roles";
    public static final String REGION = "region";

    private JwtSupport() {
    }

    public static SecretKey key(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("ASSISTANT_JWT_SECRET must be set to at least 32 bytes");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public static ReactiveJwtDecoder decoder(String secret) {
        return NimbusReactiveJwtDecoder.withSecretKey(key(secret)).macAlgorithm(MacAlgorithm.HS256).build();
    }

    /** Maps the {@code roles} claim to {@code ROLE_*} authorities. */
    public static Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList(ROLES);
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        };
    }
}
