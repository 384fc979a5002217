package ru.rosobr.assistant.operator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.UserAccount;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * Issues the RS256 access tokens every service checks against the published keys ({@link JwtSupport}): claims
 * {@code iss}, {@code sub}, {@code roles}, {@code region}, {@code ver} (the user's token version), {@code sid} (the
 * login session), {@code jti}. A user who must change their password first gets a token without roles: it opens
 * nothing but the password change.
 */
public class TokenIssuer {

    /** A signed token and when it expires. */
    public record IssuedToken(String value, Instant expiresAt, long expiresInSeconds) {
    }

    private final JwtEncoder encoder;
    private final String keyId;
    private final Duration lifetime;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, Duration lifetime, Clock clock) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("assistant.jwt.expiry must be positive");
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signing())));
        this.keyId = keys.signing().getKeyID();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public IssuedToken issue(UserAccount user, UUID session) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        List<String> roles = user.mustChangePassword() ? List.of()
                : user.roles().stream().map(Role::name).toList();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(JwtSupport.ISSUER)
                .id(UUID.randomUUID().toString())
                .subject(user.username())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(JwtSupport.ROLES, roles)
                .claim(JwtSupport.TOKEN_VERSION, user.tokenVersion());
        if (session != null) {
            claims.claim(JwtSupport.SESSION, session.toString());
        }
        if (user.region() != null) {
            claims.claim(JwtSupport.REGION, user.region());
        }
        String token = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build(), claims.build())).getTokenValue();
        return new IssuedToken(token, expiresAt, lifetime.toSeconds());
    }
}
