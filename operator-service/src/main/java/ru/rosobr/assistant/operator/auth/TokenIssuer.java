package ru.rosobr.assistant.operator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.UserAccount;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * Issues the HS256 access tokens every service checks with {@link JwtSupport#decoder(String)}: same key, claims
 * {@code sub}, {@code roles}, {@code region}; {@code jti} identifies the token for logout.
 */
public class TokenIssuer {

    static final String ISSUER = "operator-service";

    /** A signed token and when it expires. */
    public record IssuedToken(String value, Instant expiresAt, long expiresInSeconds) {
    }

    private final JwtEncoder encoder;
    private final Duration lifetime;
    private final Clock clock;

    public TokenIssuer(String secret, Duration lifetime, Clock clock) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("assistant.jwt.expiry must be positive");
        }
        this.encoder = NimbusJwtEncoder.withSecretKey(JwtSupport.key(secret)).build();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public IssuedToken issue(UserAccount user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .id(UUID.randomUUID().toString()) // jti: what logout revokes
                .subject(user.username())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(JwtSupport.ROLES, user.roles().stream().map(Role::name).toList());
        if (user.region() != null) {
            claims.claim(JwtSupport.REGION, user.region());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new IssuedToken(token, expiresAt, lifetime.toSeconds());
    }
}
