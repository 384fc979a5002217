package ru.rosobr.assistant.operator.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ru.rosobr.assistant.operator.users.internal.UserRepository;
import ru.rosobr.assistant.platform.reference.Regions;

/** The user directory: checks passwords (bcrypt), counts failed logins and locks, adds and changes users. */
public class Users {

    /** What a login attempt found. */
    public sealed interface LoginCheck {
        /** The password matched an enabled, unlocked account. */
        record Accepted(UserAccount account) implements LoginCheck {
        }

        /** Wrong password or unknown user; {@code account} is null for an unknown one. */
        record Refused(UserAccount account, boolean nowLocked) implements LoginCheck {
        }

        /** The account is locked after too many failed logins (the password was not even checked). */
        record Locked(UserAccount account, Instant until) implements LoginCheck {
        }
    }

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final int maxFailedLogins;
    private final Duration lockout;
    private final Clock clock;
    // compared against when the user does not exist, so that a wrong name costs the same time as a wrong password
    private final String dummyHash;

    public Users(UserRepository repository, PasswordEncoder encoder, int maxFailedLogins, Duration lockout,
                 Clock clock) {
        this.repository = repository;
        this.encoder = encoder;
        this.maxFailedLogins = maxFailedLogins;
        this.lockout = lockout;
        this.clock = clock;
        this.dummyHash = encoder.encode("no-such-user");
    }

    public Users(UserRepository repository, PasswordEncoder encoder) {
        this(repository, encoder, 5, Duration.ofMinutes(15), Clock.systemUTC());
    }

    /** Checks a login; a wrong password of an existing account counts towards its lockout. */
    public Mono<LoginCheck> check(String username, String password) {
        return repository.find(username)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isPresent() && found.get().lockedUntil() != null
                            && found.get().lockedUntil().isAfter(clock.instant())) {
                        UserRepository.Row row = found.get();
                        // as slow as any other refusal, so that timing does not tell a locked account apart
                        return Mono.fromCallable(() -> encoder.matches(password, dummyHash))
                                .subscribeOn(Schedulers.boundedElastic())
                                .thenReturn(new LoginCheck.Locked(row.account(), row.lockedUntil()));
                    }
                    return Mono.fromCallable(() -> {
                                String hash = found.map(UserRepository.Row::passwordHash).orElse(dummyHash);
                                // a password too long for bcrypt was never set: compare something, refuse anyway
                                boolean hashable = PasswordRules.hashable(password);
                                return encoder.matches(hashable ? password : "", hash) && hashable;
                            })
                            // bcrypt is deliberately slow: keep it off the event loop
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(matches -> {
                                if (found.isEmpty()) {
                                    return Mono.just(new LoginCheck.Refused(null, false));
                                }
                                UserRepository.Row row = found.get();
                                if (matches && row.enabled()) {
                                    return repository.recordSuccess(username)
                                            .thenReturn(new LoginCheck.Accepted(row.account()));
                                }
                                if (!row.enabled()) {
                                    return Mono.just(new LoginCheck.Refused(row.account(), false));
                                }
                                return repository.recordFailure(username, maxFailedLogins, lockout)
                                        .map(after -> (LoginCheck) new LoginCheck.Refused(after.account(),
                                                after.lockedUntil() != null
                                                        && after.lockedUntil().isAfter(clock.instant())));
                            });
                });
    }

    /** The account when the username exists, is enabled and the password matches; otherwise empty. */
    public Mono<UserAccount> authenticate(String username, String password) {
        return check(username, password).flatMap(c -> c instanceof LoginCheck.Accepted a ? Mono.just(a.account())
                : Mono.empty());
    }

    public Mono<UserAccount> find(String username) {
        return repository.find(username).filter(UserRepository.Row::enabled).map(UserRepository.Row::account);
    }

    /** Whether the password is the user's current one (for a self-service change). */
    public Mono<Boolean> passwordMatches(String username, String password) {
        return repository.find(username).flatMap(row -> Mono.fromCallable(() ->
                PasswordRules.hashable(password) && encoder.matches(password, row.passwordHash()))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** Adds the user unless the username is taken; emits whether it was added. */
    public Mono<Boolean> addIfAbsent(String username, String password, List<Role> roles, String region,
                                     String fullName) {
        return addIfAbsent(username, password, roles, region, fullName, false);
    }

    /** As above; {@code mustChangePassword}: the first login only allows choosing a new password. */
    public Mono<Boolean> addIfAbsent(String username, String password, List<Role> roles, String region,
                                     String fullName, boolean mustChangePassword) {
        return repository.exists(username).flatMap(exists -> exists ? Mono.just(false)
                : Mono.fromCallable(() -> encoder.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> repository.insert(username, hash, roles, region, fullName, mustChangePassword)));
    }

    /** Ends every open login session of the user: their refresh tokens stop working. */
    public Mono<Void> endSessions(String username, String reason) {
        return repository.endSessions(username, reason);
    }

    /** Whether any enabled administrator exists. */
    public Mono<Boolean> anyAdmin() {
        return repository.anyAdmin();
    }

    /** Every user ({@code region} null) or the users of one region, by username. */
    public Flux<UserView> list(String region) {
        return repository.list(region).map(Users::view);
    }

    /**
     * Changes what is given (null = keep; {@code setRegion} decides whether {@code region} is applied). A change of
     * roles, region, enabled or password raises the user's token version: tokens issued before are refused.
     */
    public Mono<UserView> update(String username, List<Role> roles, boolean setRegion, String region,
                                 String fullName, Boolean enabled, String newPassword, Boolean mustChangePassword) {
        Mono<String> hash = newPassword == null ? Mono.just("")
                : Mono.fromCallable(() -> encoder.encode(newPassword)).subscribeOn(Schedulers.boundedElastic());
        return hash.flatMap(h -> repository.update(username, roles, setRegion, region, fullName, enabled,
                h.isEmpty() ? null : h, mustChangePassword)).map(Users::view);
    }

    public Mono<UserView> view(String username) {
        return repository.find(username).map(Users::view);
    }

    private static UserView view(UserRepository.Row r) {
        return new UserView(r.username(), r.roles(), r.region(),
                Regions.find(r.region()).map(Regions.Region::name).orElse(null),
                r.fullName(), r.enabled(), r.tokenVersion(), r.mustChangePassword(),
                r.lockedUntil() != null && r.lockedUntil().isAfter(Instant.now()) ? r.lockedUntil() : null);
    }
}
