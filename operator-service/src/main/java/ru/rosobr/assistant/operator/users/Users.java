package ru.rosobr.assistant.operator.users;

import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ru.rosobr.assistant.operator.users.internal.UserRepository;

/** The user directory: checks passwords (bcrypt) and adds users. */
public class Users {

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    // compared against when the user does not exist, so that a wrong name costs the same time as a wrong password
    private final String dummyHash;

    public Users(UserRepository repository, PasswordEncoder encoder) {
        this.repository = repository;
        this.encoder = encoder;
        this.dummyHash = encoder.encode("no-such-user");
    }

    /** The account when the username exists, is enabled and the password matches; otherwise empty. */
    public Mono<UserAccount> authenticate(String username, String password) {
        return repository.find(username)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> Mono.fromCallable(() -> {
                            String hash = found.map(UserRepository.Row::passwordHash).orElse(dummyHash);
                            boolean matches = encoder.matches(password, hash);
                            return found.filter(row -> matches && row.enabled());
                        })
                        // bcrypt is deliberately slow: keep it off the event loop
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(row -> row.map(r -> Mono.just(r.account())).orElseGet(Mono::empty));
    }

    public Mono<UserAccount> find(String username) {
        return repository.find(username).filter(UserRepository.Row::enabled).map(UserRepository.Row::account);
    }

    /** Adds the user unless the username is taken; emits whether it was added. */
    public Mono<Boolean> addIfAbsent(String username, String password, List<Role> roles, String region,
                                     String fullName) {
        return repository.exists(username).flatMap(exists -> exists ? Mono.just(false)
                : Mono.fromCallable(() -> encoder.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> repository.insert(username, hash, roles, region, fullName)));
    }
}
