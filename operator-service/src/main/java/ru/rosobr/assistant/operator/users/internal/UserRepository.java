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
                      boolean enabled, int tokenVersion, boolean mustChangePassword, int failedLogins,
                      java.time.Instant lockedUntil) {
        public UserAccount account() {
            return new UserAccount(username, roles, region, fullName, tokenVersion, mustChangePassword);
        }
    }

    private static final String COLUMNS = "username, password_hash, roles, region, full_name, enabled, token_version, must_change_password, failed_logins, locked_until";

    private final DatabaseClient db;

    public UserRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Row> find(String username) {
        return db.sql("select " + COLUMNS + " from users where username = :u")
                .bind("u", username)
                .map((r, m) -> row(r))
                .one();
    }

    /** Newest names last; {@code region} null = every region. */
    public Flux<Row> list(String region) {
        return db.sql("select " + COLUMNS + " from users "
                        + (region == null ? "" : "where region = :region ") + "order by username")
                .bindValues(region == null ? java.util.Map.of() : java.util.Map.of("region", region))
                .map((r, m) -> row(r))
                .all();
    }

    /** Changes what is given (null = keep); emits the row as it is now, or nothing for an unknown user. */
    public Mono<Row> update(String username, List<Role> roles, boolean setRegion, String region, String fullName,
                            Boolean enabled, String passwordHash, Boolean mustChangePassword) {
        return db.sql("""
                        update users set roles = coalesce(:roles, roles),
                            region = case when :setRegion then :region else region end,
                            full_name = coalesce(:name, full_name), enabled = coalesce(:enabled, enabled),
                            password_hash = coalesce(:hash, password_hash),
                            must_change_password = coalesce(:mustChange, must_change_password),
                            failed_logins = case when :hash::text is null then failed_logins else 0 end,
                            locked_until = case when :hash::text is null then locked_until else null end,
                            -- what older tokens say is no longer true: they are refused from now on
                            token_version = token_version + case when roles is distinct from coalesce(:roles, roles)
                                or region is distinct from (case when :setRegion then :region else region end)
                                or enabled is distinct from coalesce(:enabled, enabled)
                                or :hash::text is not null then 1 else 0 end
                        where username = :u
                        returning username, password_hash, roles, region, full_name, enabled, token_version, must_change_password, failed_logins, locked_until""")
                .bind("u", username)
                .bind("roles", Parameter.fromOrEmpty(roles == null ? null
                        : roles.stream().map(Role::name).toArray(String[]::new), String[].class))
                .bind("setRegion", setRegion)
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .bind("name", Parameter.fromOrEmpty(fullName, String.class))
                .bind("enabled", Parameter.fromOrEmpty(enabled, Boolean.class))
                .bind("hash", Parameter.fromOrEmpty(passwordHash, String.class))
                .bind("mustChange", Parameter.fromOrEmpty(mustChangePassword, Boolean.class))
                .map((r, m) -> row(r))
                .one();
    }

    /** A wrong password: counts it, and locks the account for {@code lockFor} once {@code max} are reached. */
    public Mono<Row> recordFailure(String username, int max, java.time.Duration lockFor) {
        return db.sql("""
                        update users set
                            locked_until = case when failed_logins + 1 >= :max then now() + :lock * interval '1 second'
                                else locked_until end,
                            failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end
                        where username = :u
                        returning username, password_hash, roles, region, full_name, enabled, token_version, must_change_password, failed_logins, locked_until""")
                .bind("u", username)
                .bind("max", max)
                .bind("lock", lockFor.toSeconds())
                .map((r, m) -> row(r))
                .one();
    }

    /** A successful login clears the count of failed ones. */
    public Mono<Void> recordSuccess(String username) {
        return db.sql("update users set failed_logins = 0, locked_until = null where username = :u "
                + "and (failed_logins <> 0 or locked_until is not null)").bind("u", username).then();
    }

    /** Ends every open login session of the user (their refresh tokens stop working). */
    public Mono<Void> endSessions(String username, String reason) {
        return db.sql("update sessions set ended_at = now(), end_reason = :r where username = :u and ended_at is null")
                .bind("u", username).bind("r", reason).then();
    }

    /** Whether any enabled administrator exists (the first start creates one when not). */
    public Mono<Boolean> anyAdmin() {
        return db.sql("select 1 from users where 'ADMIN' = any(roles) and enabled limit 1").fetch().first()
                .hasElement();
    }

    public Mono<Boolean> exists(String username) {
        return db.sql("select 1 from users where username = :u").bind("u", username).fetch().first().hasElement();
    }

    public Mono<Boolean> insert(String username, String passwordHash, List<Role> roles, String region,
                                String fullName, boolean mustChangePassword) {
        return db.sql("""
                        insert into users (username, password_hash, roles, region, full_name, must_change_password)
                        values (:u, :hash, :roles, :region, :name, :mustChange)
                        on conflict do nothing""")
                .bind("mustChange", mustChangePassword)
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
                Boolean.TRUE.equals(r.get("enabled", Boolean.class)), r.get("token_version", Integer.class),
                Boolean.TRUE.equals(r.get("must_change_password", Boolean.class)),
                r.get("failed_logins", Integer.class), r.get("locked_until", java.time.Instant.class));
    }
}
