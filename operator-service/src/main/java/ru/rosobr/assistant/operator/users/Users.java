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

    /** Every user ({@code region} null) or the users of one region, by username. */
    public reactor.core.publisher.Flux<UserView> list(String region) {
        return repository.list(region).map(Users::view);
    }

    /** Changes what is given (null = keep; {@code setRegion} decides whether {@code region} is applied). */
    public Mono<UserView> update(String username, List<Role> roles, boolean setRegion, String region,
                                 String fullName, Boolean enabled, String newPassword) {
        Mono<String> hash = newPassword == null ? Mono.just("")
                : Mono.fromCallable(() -> encoder.encode(newPassword)).subscribeOn(Schedulers.boundedElastic());
        return hash.flatMap(h -> repository.update(username, roles, setRegion, region, fullName, enabled,
                h.isEmpty() ? null : h)).map(Users::view);
    }

    public Mono<UserView> view(String username) {
        return repository.find(username).map(Users::view);
    }

    private static UserView view(UserRepository.Row r) {
        return new UserView(r.username(), r.roles(), r.region(),
                ru.rosobr.assistant.platform.reference.Regions.find(r.region())
                        .map(ru.rosobr.assistant.platform.reference.Regions.Region::name).orElse(null),
                r.fullName(), r.enabled());
    }
}
