package ru.rosobr.assistant.operator.users.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.Users;

/** The dev stack's demo users (password «demo»); existing users are left as they are. */
public class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final String PASSWORD = "demo";

    record DemoUser(String username, Role role, String region, String fullName) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("operator58", Role.OPERATOR, "58", "Оператор Пензенской области"),
            new DemoUser("operator33", Role.OPERATOR, "33", "Оператор Владимирской области"),
            new DemoUser("head58", Role.REGIONAL_HEAD, "58", "Руководитель Пензенской области"),
            new DemoUser("federal", Role.FEDERAL, null, "Специалист Рособрнадзора"),
            new DemoUser("admin", Role.ADMIN, null, "Администратор"),
            new DemoUser("kbeditor", Role.KB_EDITOR, null, "Редактор базы знаний"));

    private final Users users;

    public DemoUsers(Users users) {
        this.users = users;
    }

    public Mono<Long> seed() {
        return Flux.fromIterable(USERS)
                .concatMap(u -> users.addIfAbsent(u.username(), PASSWORD, List.of(u.role()), u.region(),
                        u.fullName()))
                .filter(Boolean::booleanValue)
                .count()
                .doOnNext(n -> log.info("demo users: {} added (password «{}»)", n, PASSWORD));
    }
}
