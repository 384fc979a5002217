package ru.rosobr.assistant.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;

import ru.rosobr.assistant.contracts.events.AccessRevoked;
import ru.rosobr.assistant.platform.security.JwtSupport;

/**
 * The tokens to refuse although their signature and lifetime are fine, as {@code auth.revocations} told this
 * gateway: ended sessions ({@code sid}) and users whose tokens below a version no longer say the truth. Entries
 * are dropped once every token they cover has expired, so the map stays as small as the last access-token lifetime
 * of revocations.
 */
public final class Revocations {

    private record UserFloor(int minVersion, Instant until) {
    }

    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<String, UserFloor> users = new ConcurrentHashMap<>();
    private final Clock clock;

    public Revocations(Clock clock) {
        this.clock = clock;
    }

    public void apply(AccessRevoked e) {
        Instant now = clock.instant();
        if (!e.validUntil().isAfter(now)) {
            return; // every token it covers has expired already
        }
        if (e.sessionId() != null && !e.sessionId().isBlank()) {
            sessions.merge(e.sessionId(), e.validUntil(), (a, b) -> a.isAfter(b) ? a : b);
        }
        if (e.minTokenVersion() > 0) {
            users.merge(e.username(), new UserFloor(e.minTokenVersion(), e.validUntil()),
                    (a, b) -> new UserFloor(Math.max(a.minVersion(), b.minVersion()),
                            a.until().isAfter(b.until()) ? a.until() : b.until()));
        }
    }

    /** Whether a token with a valid signature must still be refused. */
    public boolean refuses(Jwt jwt) {
        String sid = jwt.getClaimAsString(JwtSupport.SESSION);
        if (sid != null && sessions.containsKey(sid)) {
            return true;
        }
        UserFloor floor = jwt.getSubject() == null ? null : users.get(jwt.getSubject());
        return floor != null && JwtSupport.tokenVersion(jwt) < floor.minVersion();
    }

    /** Forgets what can no longer matter. */
    public void prune() {
        Instant now = clock.instant();
        sessions.values().removeIf(until -> !until.isAfter(now));
        users.values().removeIf(f -> !f.until().isAfter(now));
    }

    public int size() {
        return sessions.size() + users.size();
    }
}
