package ru.rosobr.assistant.operator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.UserAccount;
import ru.rosobr.assistant.platform.security.JwtSupport;
import ru.rosobr.assistant.testkit.TestJwt;

class TokenIssuerTest {

    private static final SigningKeys KEYS = SigningKeys.load(TestJwt.privateKeyPem(), null);

    private static ReactiveJwtDecoder decoder(SigningKeys keys) {
        return JwtSupport.decoder(jwt -> {
            var key = keys.published().getKeyByKeyId(jwt.getHeader().getKeyID());
            return key == null ? Flux.empty() : Flux.just(key);
        });
    }

    private static UserAccount user(String name, Role role, String region) {
        return new UserAccount(name, List.of(role), region, null, 3, false);
    }

    @Test
    void tokenCarriesTheClaimsEveryServiceReads() {
        TokenIssuer issuer = new TokenIssuer(KEYS, Duration.ofMinutes(10), Clock.systemUTC());
        UUID session = UUID.randomUUID();
        TokenIssuer.IssuedToken t = issuer.issue(user("operator58", Role.OPERATOR, "58"), session);

        Jwt jwt = decoder(KEYS).decode(t.value()).block();
        assertThat(jwt.getSubject()).isEqualTo("operator58");
        assertThat(jwt.getClaimAsStringList(JwtSupport.ROLES)).containsExactly("OPERATOR");
        assertThat(jwt.getClaimAsString(JwtSupport.REGION)).isEqualTo("58");
        assertThat(jwt.getClaimAsString(JwtSupport.SESSION)).isEqualTo(session.toString());
        assertThat(JwtSupport.tokenVersion(jwt)).isEqualTo(3);
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", TestJwt.KID);
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));
        assertThat(t.expiresInSeconds()).isEqualTo(600);
    }

    @Test
    void publishedKeysArePublicOnly() {
        assertThat(KEYS.published().getKeys()).hasSize(1)
                .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(KEYS.published().toString()).doesNotContain("\"d\"");
    }

    @Test
    void aUserWhoMustChangeThePasswordGetsNoRoles() {
        Jwt jwt = decoder(KEYS).decode(new TokenIssuer(KEYS, Duration.ofMinutes(5), Clock.systemUTC())
                .issue(new UserAccount("admin", List.of(Role.ADMIN), null, null, 0, true), null).value()).block();
        assertThat(jwt.getClaimAsStringList(JwtSupport.ROLES)).isEmpty();
    }

    @Test
    void expiredTokenIsRejected() {
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String token = new TokenIssuer(KEYS, Duration.ofMinutes(10), yesterday)
                .issue(user("operator58", Role.OPERATOR, "58"), null).value();
        assertThatThrownBy(() -> decoder(KEYS).decode(token).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws Exception {
        SigningKeys other = SigningKeys.load(pem(), null);
        String token = new TokenIssuer(other, Duration.ofHours(1), Clock.systemUTC())
                .issue(user("admin", Role.ADMIN, null), null).value();
        assertThatThrownBy(() -> decoder(KEYS).decode(token).block())
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
        // same key id, other key: the signature still decides
        assertThatThrownBy(() -> decoder(KEYS).decode(TestJwt.foreignToken("admin", List.of("ADMIN"), null)).block())
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }

    @Test
    void duringARotationBothKeysAreTrusted() throws Exception {
        String next = pem();
        SigningKeys before = SigningKeys.load(TestJwt.privateKeyPem(), next); // the next key published in advance
        SigningKeys after = SigningKeys.load(next, TestJwt.privateKeyPem()); // signing with it, the old one kept
        String oldToken = new TokenIssuer(before, Duration.ofMinutes(10), Clock.systemUTC())
                .issue(user("federal", Role.FEDERAL, null), null).value();
        String newToken = new TokenIssuer(after, Duration.ofMinutes(10), Clock.systemUTC())
                .issue(user("federal", Role.FEDERAL, null), null).value();
        assertThat(before.published().getKeys()).hasSize(2);
        for (SigningKeys verifier : List.of(before, after)) {
            assertThat(decoder(verifier).decode(oldToken).block().getSubject()).isEqualTo("federal");
            assertThat(decoder(verifier).decode(newToken).block().getSubject()).isEqualTo("federal");
        }
    }

    @Test
    void missingOrBrokenKeyStopsTheService() {
        assertThatThrownBy(() -> SigningKeys.load("", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ASSISTANT_JWT_SIGNING_KEY");
        assertThatThrownBy(() -> SigningKeys.load("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", null))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String pem() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                g.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }
}
