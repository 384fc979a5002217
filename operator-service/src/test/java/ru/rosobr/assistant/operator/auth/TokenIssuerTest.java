package ru.rosobr.assistant.operator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.UserAccount;
import ru.rosobr.assistant.platform.security.JwtSupport;

class TokenIssuerTest {

    private static final String SECRET = "unit-test-secret-of-at-least-thirty-two-bytes";

    @Test
    void tokenCarriesTheClaimsEveryServiceReads() {
        TokenIssuer issuer = new TokenIssuer(SECRET, Duration.ofHours(8), Clock.systemUTC());
        TokenIssuer.IssuedToken t = issuer.issue(new UserAccount("operator58", List.of(Role.OPERATOR), "58", "Оператор"));

        Jwt jwt = JwtSupport.decoder(SECRET).decode(t.value()).block();
        assertThat(jwt.getSubject()).isEqualTo("operator58");
        assertThat(jwt.getClaimAsStringList(JwtSupport.ROLES)).containsExactly("OPERATOR");
        assertThat(jwt.getClaimAsString(JwtSupport.REGION)).isEqualTo("58");
        assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(8));
        assertThat(t.expiresInSeconds()).isEqualTo(8 * 3600);
    }

    @Test
    void federalTokenHasNoRegion() {
        TokenIssuer issuer = new TokenIssuer(SECRET, Duration.ofMinutes(5), Clock.systemUTC());
        Jwt jwt = JwtSupport.decoder(SECRET)
                .decode(issuer.issue(new UserAccount("federal", List.of(Role.FEDERAL), null, null)).value()).block();
        assertThat(jwt.hasClaim(JwtSupport.REGION)).isFalse();
    }

    @Test
    void expiredTokenIsRejected() {
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String token = new TokenIssuer(SECRET, Duration.ofHours(8), yesterday)
                .issue(new UserAccount("operator58", List.of(Role.OPERATOR), "58", null)).value();
        assertThatThrownBy(() -> JwtSupport.decoder(SECRET).decode(token).block())
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
        String token = new TokenIssuer("another-secret-another-secret-another-secret", Duration.ofHours(1),
                Clock.systemUTC()).issue(new UserAccount("admin", List.of(Role.ADMIN), null, null)).value();
        assertThatThrownBy(() -> JwtSupport.decoder(SECRET).decode(token).block())
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }

    @Test
    void missingOrShortSecretStopsTheService() {
        assertThatThrownBy(() -> new TokenIssuer("short", Duration.ofHours(1), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class);
    }
}
