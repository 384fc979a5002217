package ru.rosobr.assistant.operator.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AccessRevoked;
import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.users.PasswordRules;
import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.UserAccount;
import ru.rosobr.assistant.operator.users.Users;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * Login, refresh, logout and the self-service password change. Failed logins are audited and counted (lockout);
 * ending a session or changing the password is one transaction with its audit entry and the
 * {@code auth.revocations} event that makes every gateway refuse the tokens at once.
 */
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    public static final String REFUSED = "Неверный логин или пароль. После нескольких неудачных попыток вход временно "
            + "блокируется: повторите позже или попросите администратора сбросить пароль";

    /** Tokens may be accepted this long after {@code exp} (the validators' clock skew). */
    private static final Duration SKEW = Duration.ofSeconds(60);

    public record Login(String accessToken, String tokenType, long expiresIn, Instant expiresAt, String refreshToken,
                        Instant refreshExpiresAt, String username, List<String> roles, @Nullable String region,
                        @Nullable String regionName, @Nullable String fullName, boolean passwordChangeRequired) {
    }

    private final Users users;
    private final Sessions sessions;
    private final TokenIssuer tokens;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    public AuthService(Users users, Sessions sessions, TokenIssuer tokens, AuditTrail audit, Outbox outbox,
                       TransactionalOperator tx) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.outbox = outbox;
        this.tx = tx;
    }

    public Mono<Login> login(String username, String password) {
        return users.check(username, password).flatMap(check -> switch (check) {
            case Users.LoginCheck.Accepted a -> sessions.open(a.account().username())
                    .flatMap(s -> audit.record(a.account().username(), "LOGIN", null, a.account().region(), null)
                            .thenReturn(login(a.account(), s)))
                    .as(tx::transactional);
            case Users.LoginCheck.Locked l -> audit.record(l.account().username(), "LOGIN_LOCKED", null,
                            l.account().region(), "вход при блокировке")
                    .then(Mono.error(refused()));
            case Users.LoginCheck.Refused r -> {
                log.warn("login refused{}", r.nowLocked() ? ", account locked after repeated failures" : "");
                String actor = username.length() > 50 ? username.substring(0, 50) : username;
                yield audit.record(actor, "LOGIN_FAILED", null, r.account() == null ? null : r.account().region(),
                                r.account() == null ? "неизвестный логин"
                                        : r.nowLocked() ? "неверный пароль, учётная запись заблокирована"
                                        : "неверный пароль")
                        .then(Mono.error(refused()));
            }
        });
    }

    /** A new access token (and refresh token) for a valid refresh token; the user's current roles apply. */
    public Mono<Login> refresh(String refreshToken) {
        return sessions.rotate(refreshToken)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                        "Сеанс завершён или истёк: войдите снова")))
                .flatMap(s -> users.find(s.username())
                        .switchIfEmpty(Mono.defer(() -> sessions.end(s.id(), "DISABLED")
                                .then(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                                        "Учётная запись отключена")))))
                        .map(user -> login(user, s)))
                .as(tx::transactional);
    }

    /** Ends the session of the token: it and every other token of that login are refused from now on. */
    public Mono<Void> logout(String username, String region, UUID session) {
        Mono<Void> end = session == null ? Mono.empty()
                : sessions.end(session, "LOGOUT").flatMap(open -> outbox.append(AccessRevoked.session(username,
                session.toString(), Instant.now().plus(tokens.lifetime()).plus(SKEW))));
        return end.then(audit.record(username, "LOGOUT", null, region, null)).as(tx::transactional)
                .doOnSuccess(v -> log.info("a console user logged out"));
    }

    /**
     * The user's own password change (also the forced one after the first login or a reset). Every other session
     * ends and earlier tokens are refused; the answer is a fresh login with the user's roles.
     */
    public Mono<Login> changePassword(String username, String current, String next) {
        String problem = PasswordRules.problem(username, next);
        if (problem != null) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, problem));
        }
        if (next.equals(current)) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Новый пароль должен отличаться от прежнего"));
        }
        return users.passwordMatches(username, current == null ? "" : current)
                .defaultIfEmpty(false)
                .flatMap(ok -> ok ? Mono.just(true) : Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "Текущий пароль указан неверно")))
                .flatMap(ok -> users.update(username, null, false, null, null, null, next, false)
                        .flatMap(view -> users.endSessions(username, "PASSWORD_CHANGED")
                                .then(outbox.append(AccessRevoked.userBefore(username, view.tokenVersion(),
                                        "PASSWORD_CHANGED", Instant.now().plus(tokens.lifetime()).plus(SKEW))))
                                .then(audit.record(username, "PASSWORD_CHANGE", null, view.region(), null))
                                .then(users.find(username))
                                .flatMap(user -> sessions.open(username).map(s -> login(user, s))))
                        .as(tx::transactional));
    }

    private Login login(UserAccount user, Sessions.Issued session) {
        TokenIssuer.IssuedToken t = tokens.issue(user, session.id());
        return new Login(t.value(), "Bearer", t.expiresInSeconds(), t.expiresAt(), session.refreshToken(),
                session.expiresAt(), user.username(),
                user.mustChangePassword() ? List.of() : user.roles().stream().map(Role::name).toList(),
                user.region(), Regions.find(user.region()).map(Regions.Region::name).orElse(null), user.fullName(),
                user.mustChangePassword());
    }

    /**
     * One answer for an unknown login, a wrong password and a locked account alike: a different answer for a locked
     * account would tell a guesser that the login exists.
     */
    private static ResponseStatusException refused() {
        return new ResponseStatusException(HttpStatus.UNAUTHORIZED, REFUSED);
    }
}
