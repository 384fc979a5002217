package ru.rosobr.assistant.operator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Login sessions and their refresh tokens. Only the SHA-256 of a refresh token is stored (a copy of the table does
 * not let anyone in); each refresh replaces it, so a refresh token works once. A session lasts {@code lifetime} from
 * the login, however often it is refreshed; logout, a password change or disabling the user ends it.
 */
public class Sessions {

    /** A new or refreshed session: the refresh token is only ever seen here, in plain text. */
    public record Issued(UUID id, String username, String refreshToken, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final Duration lifetime;
    private final Clock clock;

    public Sessions(DatabaseClient db, Duration lifetime, Clock clock) {
        this.db = db;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Mono<Issued> open(String username) {
        UUID id = UUID.randomUUID();
        String refresh = newToken();
        Instant expires = clock.instant().plus(lifetime);
        return db.sql("insert into sessions (id, username, refresh_hash, expires_at) values (:id, :u, :h, :exp)")
                .bind("id", id).bind("u", username).bind("h", hash(refresh)).bind("exp", expires)
                .then().thenReturn(new Issued(id, username, refresh, expires));
    }

    /** Swaps a valid refresh token for a new one; empty when it is unknown, used, ended or expired. */
    public Mono<Issued> rotate(String refreshToken) {
        String next = newToken();
        return db.sql("""
                        update sessions set refresh_hash = :next, refreshed_at = now()
                        where refresh_hash = :h and ended_at is null and expires_at > now()
                        returning id, username, expires_at""")
                .bind("next", hash(next)).bind("h", hash(refreshToken))
                .map((r, m) -> new Issued(r.get("id", UUID.class), r.get("username", String.class), next,
                        r.get("expires_at", Instant.class)))
                .one();
    }

    /** Ends one session; emits whether it was still open. */
    public Mono<Boolean> end(UUID id, String reason) {
        return db.sql("update sessions set ended_at = now(), end_reason = :r where id = :id and ended_at is null")
                .bind("id", id).bind("r", reason).fetch().rowsUpdated().map(n -> n > 0);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
