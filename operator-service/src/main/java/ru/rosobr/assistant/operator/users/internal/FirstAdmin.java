package ru.rosobr.assistant.operator.users.internal;

import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.users.PasswordRules;
import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.Users;

/**
 * A fresh install without demo data has nobody who could log in: on the first start, when no enabled administrator
 * exists, one is created from ASSISTANT_ADMIN_USERNAME / ASSISTANT_ADMIN_PASSWORD, or with a generated one-time
 * password printed once to the log. Either way the password must be changed at the first login. Replicas starting
 * together take a transaction-scoped advisory lock, so only one of them creates (and prints) the administrator.
 */
public class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Users users;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final String username;
    private final String password;

    public FirstAdmin(Users users, DatabaseClient db, TransactionalOperator tx, String username, String password) {
        this.users = users;
        this.db = db;
        this.tx = tx;
        this.username = username == null || username.isBlank() ? "admin" : username.trim();
        this.password = password == null || password.isBlank() ? null : password;
    }

    /** Emits whether an administrator was created now. */
    public Mono<Boolean> ensure() {
        if (password != null && PasswordRules.problem(username, password) != null) {
            return Mono.error(new IllegalStateException("ASSISTANT_ADMIN_PASSWORD is too weak: "
                    + PasswordRules.problem(username, password)));
        }
        String chosen = password != null ? password : generated();
        return db.sql("select pg_advisory_xact_lock(hashtextextended('operator.first-admin', 0))").then()
                .then(users.anyAdmin())
                .flatMap(exists -> exists ? Mono.just(false)
                        : users.addIfAbsent(username, chosen, List.of(Role.ADMIN), null, "Администратор", true))
                .as(tx::transactional)
                .doOnNext(created -> {
                    if (created) {
                        print(chosen);
                    }
                });
    }

    private void print(String chosen) {
        String how = password != null ? "пароль — из ASSISTANT_ADMIN_PASSWORD"
                : "временный пароль: " + chosen;
        log.warn("""

                ================================================================================
                Первый запуск: создан администратор «{}» ({}).
                Войдите в консоль (https://<адрес шлюза>/console/) — при первом входе система
                попросит сменить пароль. Затем создайте пользователей в разделе «Пользователи».
                Этот пароль больше нигде не печатается.
                ================================================================================""",
                username, how);
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 16) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        // the rules want letters and digits: make sure of both
        return sb.append(random.nextInt(10)).append('x').toString();
    }
}
