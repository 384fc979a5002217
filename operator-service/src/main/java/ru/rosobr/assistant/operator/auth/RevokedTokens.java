package ru.rosobr.assistant.operator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Tokens ended by logout. A token is known by its {@code jti}; a token without one (issued elsewhere, e.g. by a
 * test) by the SHA-256 of its text. Rows are dropped once the token would have expired anyway.
 */
public class RevokedTokens {

    /** How long a token without {@code exp} is remembered. */
    private static final long NO_EXPIRY_DAYS = 30;

    private final DatabaseClient db;

    public RevokedTokens(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> revoke(Jwt jwt) {
        Instant expires = jwt.getExpiresAt() != null ? jwt.getExpiresAt()
                : Instant.now().plus(NO_EXPIRY_DAYS, ChronoUnit.DAYS);
        return db.sql("delete from revoked_tokens where expires_at < now()").then()
                .then(db.sql("insert into revoked_tokens (token_id, username, expires_at) values (:id, :u, :exp) "
                                + "on conflict do nothing")
                        .bind("id", idOf(jwt))
                        .bind("u", jwt.getSubject() == null ? "" : jwt.getSubject())
                        .bind("exp", expires)
                        .then());
    }

    public Mono<Boolean> isRevoked(Jwt jwt) {
        return db.sql("select 1 from revoked_tokens where token_id = :id").bind("id", idOf(jwt))
                .fetch().first().hasElement();
    }

    static String idOf(Jwt jwt) {
        if (jwt.getId() != null && !jwt.getId().isBlank()) {
            return jwt.getId();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(jwt.getTokenValue().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
