package ru.rosobr.assistant.operator.users.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.UserAccount;

/** Rows of the users table. */
public class UserRepository {

    /** A stored user, hash included: stays inside the users package. */
    public record Row(String username, String passwordHash, List<Role> roles, String region, String fullName,
                      boolean enabled) {
        public UserAccount account() {
            return new UserAccount(username, roles, region, fullName);
        }
    }

    private final DatabaseClient db;

    public UserRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Row> find(String username) {
        return db.sql("select username, password_hash, roles, region, full_name, enabled from users where username = :u")
                .bind("u", username)
                .map((r, m) -> new Row(r.get("username", String.class), r.get("password_hash", String.class),
                        Arrays.stream(r.get("roles", String[].class)).map(Role::valueOf).toList(),
                        r.get("region", String.class), r.get("full_name", String.class),
                        Boolean.TRUE.equals(r.get("enabled", Boolean.class))))
                .one();
    }

    public Mono<Boolean> exists(String username) {
        return db.sql("select 1 from users where username = :u").bind("u", username).fetch().first().hasElement();
    }

    public Mono<Boolean> insert(String username, String passwordHash, List<Role> roles, String region,
                                String fullName) {
        return db.sql("""
                        insert into users (username, password_hash, roles, region, full_name)
                        values (:u, :hash, :roles, :region, :name)
                        on conflict do nothing""")
                .bind("u", username)
                .bind("hash", passwordHash)
                .bind("roles", roles.stream().map(Role::name).toArray(String[]::new))
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .bind("name", Parameter.fromOrEmpty(fullName, String.class))
                .fetch().rowsUpdated().map(n -> n > 0);
    }
}
