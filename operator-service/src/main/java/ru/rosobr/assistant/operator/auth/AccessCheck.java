package ru.rosobr.assistant.operator.auth;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * Whether a token with a valid signature still stands here, read from this service's own tables (the gateway
 * learns the same from {@code auth.revocations}): its session was not ended, and the user is enabled and was not
 * changed after it was issued (token version). A token for a user this directory does not hold is judged by its
 * signature alone.
 */
public class AccessCheck {

    /** Why a token no longer stands, or null. */
    public enum Verdict { ACTIVE, SESSION_ENDED, USER_CHANGED }

    private final DatabaseClient db;

    public AccessCheck(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Verdict> verdict(Jwt jwt) {
        UUID session = session(jwt);
        int version = JwtSupport.tokenVersion(jwt);
        return db.sql("""
                        select u.enabled, u.token_version,
                               (select s.ended_at is not null or s.expires_at < now() from sessions s where s.id = :sid)
                                   as ended
                        from users u where u.username = :u""")
                .bind("u", jwt.getSubject() == null ? "" : jwt.getSubject())
                .bind("sid", session == null ? new UUID(0, 0) : session)
                .map((r, m) -> {
                    if (Boolean.TRUE.equals(r.get("ended", Boolean.class))) {
                        return Verdict.SESSION_ENDED;
                    }
                    boolean enabled = Boolean.TRUE.equals(r.get("enabled", Boolean.class));
                    Integer current = r.get("token_version", Integer.class);
                    return !enabled || (current != null && version < current) ? Verdict.USER_CHANGED : Verdict.ACTIVE;
                })
                .one()
                .defaultIfEmpty(Verdict.ACTIVE);
    }

    static UUID session(Jwt jwt) {
        String sid = jwt.getClaimAsString(JwtSupport.SESSION);
        try {
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
