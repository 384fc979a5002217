package ru.rosobr.assistant.operator.users.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
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
                .map((r, m) -> row(r))
                .one();
    }

    /** Newest names last; {@code region} null = every region. */
    public Flux<Row> list(String region) {
        return db.sql("select username, password_hash, roles, region, full_name, enabled from users "
                        + (region == null ? "" : "where region = :region ") + "order by username")
                .bindValues(region == null ? java.util.Map.of() : java.util.Map.of("region", region))
                .map((r, m) -> row(r))
                .all();
    }

    /** Changes what is given (null = keep); emits the row as it is now, or nothing for an unknown user. */
    public Mono<Row> update(String username, List<Role> roles, boolean setRegion, String region, String fullName,
                            Boolean enabled, String passwordHash) {
        return db.sql("""
                        update users set roles = coalesce(:roles, roles),
                            region = case when :setRegion then :region else region end,
                            full_name = coalesce(:name, full_name), enabled = coalesce(:enabled, enabled),
                            password_hash = coalesce(:hash, password_hash)
                        where username = :u
                        returning username, password_hash, roles, region, full_name, enabled""")
                .bind("u", username)
                .bind("roles", Parameter.fromOrEmpty(roles == null ? null
                        : roles.stream().map(Role::name).toArray(String[]::new), String[].class))
                .bind("setRegion", setRegion)
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .bind("name", Parameter.fromOrEmpty(fullName, String.class))
                .bind("enabled", Parameter.fromOrEmpty(enabled, Boolean.class))
                .bind("hash", Parameter.fromOrEmpty(passwordHash, String.class))
                .map((r, m) -> row(r))
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

    private static Row row(io.r2dbc.spi.Readable r) {
        return new Row(r.get("username", String.class), r.get("password_hash", String.class),
                Arrays.stream(r.get("roles", String[].class)).map(Role::valueOf).toList(),
                r.get("region", String.class), r.get("full_name", String.class),
                Boolean.TRUE.equals(r.get("enabled", Boolean.class)));
    }
}
