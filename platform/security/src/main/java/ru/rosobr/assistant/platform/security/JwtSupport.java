package ru.rosobr.assistant.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Access tokens: RS256, signed only by operator-service (the private key never leaves it) and checked by the gateway
 * and every service against operator-service's published keys (JWKS, {@code assistant.jwt.jwks-uri}). Claims:
 * {@code iss} = operator-service, {@code sub} (username), {@code roles} (OPERATOR, REGIONAL_HEAD, FEDERAL, KB_EDITOR,
 * ADMIN), {@code region} (two-digit code for regional users), {@code ver} (the user's token version: raised when
 * the user is disabled or their roles, region or password change), {@code sid} (the login session, ended by
 * logout), {@code jti}, {@code iat}, {@code exp}.
 */
public final class JwtSupport {

    public static final String ISSUER = "operator-service";
    public static final String ROLES = "roles";
    public static final String REGION = "region";
    public static final String TOKEN_VERSION = "ver";
    public static final String SESSION = "sid";
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private JwtSupport() {
    }

    /** A decoder that trusts the keys published at {@code jwksUri} (operator-service's JWKS endpoint). */
    public static ReactiveJwtDecoder decoder(String jwksUri) {
        if (jwksUri == null || jwksUri.isBlank()) {
            throw new IllegalStateException("assistant.jwt.jwks-uri (ASSISTANT_JWKS_URI) must be set");
        }
        return decoder(new RemoteJwks(jwksUri.trim()));
    }

    /** A decoder that trusts the keys the given source selects by {@code kid} (RS256 only). */
    public static ReactiveJwtDecoder decoder(Function<SignedJWT, Flux<JWK>> keys) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator());
        return decoder;
    }

    /** Issuer, lifetime (with clock skew) and an expiry that is actually there. */
    public static OAuth2TokenValidator<Jwt> validator() {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
    }

    /** The user's token version the token was issued under (0 for a token without one). */
    public static int tokenVersion(Jwt jwt) {
        Object v = jwt.getClaim(TOKEN_VERSION);
        return v instanceof Number n ? n.intValue() : 0;
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
