package ru.rosobr.assistant.operator.users;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.rosobr.assistant.contracts.events.AccessRevoked;
import ru.rosobr.assistant.contracts.events.StaffUserChanged;
import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.problems.Problems;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.Viewer;

/**
 * The user directory as staff see it: regional heads list their region's users (whom to reassign to), federal staff
 * and admins everybody; only admins add and change users. A change is one transaction with its audit entry, the
 * {@code staff.users} event (routing keeps its operator roster from it) and, when older tokens no longer say the
 * truth (disabled, roles, region, password), the {@code auth.revocations} event the gateways refuse them by.
 * A user created or given a new password by an admin must choose their own password at the next login.
 */
public class UserAdmin {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");

    /** A new user, or changes to one (null = keep as is). */
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
    public record UserRequest(String username, String password, List<String> roles, String region,
                              String fullName, Boolean enabled) {
    }

    private final Users users;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Duration accessTokenLifetime;

    public UserAdmin(Users users, AuditTrail audit, Outbox outbox,
                     TransactionalOperator tx, Duration accessTokenLifetime) {
        this.users = users;
        this.audit = audit;
        this.outbox = outbox;
        this.tx = tx;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    public Flux<UserView> list(Viewer viewer, String role, String region) {
        Role wanted = null;
        if (role != null) {
            wanted = parseRole(role);
        }
        if (region != null && !Regions.exists(region)) {
            return Flux.error(Problems.badRequest("Неизвестный код региона: " + region));
        }
        if (!viewer.seesAllRegions() && !(viewer.has("REGIONAL_HEAD") && viewer.region() != null)) {
            return Flux.error(Problems.forbidden(
                    "Список пользователей доступен руководителю региона, федеральным сотрудникам и администратору"));
        }
        Role filter = wanted;
        // a head asking for another region: nothing to see
        return viewer.narrow(region).map(scope -> users.list(scope.region())
                        .filter(u -> filter == null || u.roles().contains(filter)))
                .orElseGet(Flux::empty);
    }

    public Mono<UserView> create(Viewer admin, UserRequest r) {
        requireAdmin(admin);
        if (r == null || r.username() == null || !USERNAME.matcher(r.username().trim()).matches()) {
            return Mono.error(Problems.badRequest(
                    "Логин — от 3 до 50 символов: латинские буквы, цифры, точка, дефис, подчёркивание"));
        }
        String weak = PasswordRules.problem(r.username().trim(), r.password());
        if (weak != null) {
            return Mono.error(Problems.badRequest(weak));
        }
        List<Role> roles = roles(r.roles());
        if (roles == null) {
            return Mono.error(Problems.badRequest("Укажите хотя бы одну роль"));
        }
        String region = region(roles, r.region());
        String username = r.username().trim();
        String name = r.fullName() == null || r.fullName().isBlank() ? null : r.fullName().strip();
        return users.addIfAbsent(username, r.password(), roles, region, name, true)
                .flatMap(added -> added ? audit.record(admin.username(), "USER_CREATE", null, region,
                                username + " " + roles).then(users.view(username)).flatMap(this::announce)
                        : Mono.error(Problems.conflict("Пользователь " + username + " уже есть")))
                .as(tx::transactional);
    }

    public Mono<UserView> update(Viewer admin, String username, UserRequest r) {
        requireAdmin(admin);
        if (r == null) {
            return Mono.error(Problems.badRequest("Укажите, что изменить"));
        }
        String weak = r.password() == null ? null : PasswordRules.problem(username, r.password());
        if (weak != null) {
            return Mono.error(Problems.badRequest(weak));
        }
        if (admin.username().equals(username) && Boolean.FALSE.equals(r.enabled())) {
            return Mono.error(Problems.conflict("Нельзя отключить собственную учётную запись"));
        }
        return users.view(username)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Пользователь " + username + " не найден")))
                .flatMap(current -> {
                    List<Role> roles = r.roles() == null ? current.roles() : roles(r.roles());
                    if (roles == null) {
                        throw Problems.badRequest("Укажите хотя бы одну роль");
                    }
                    String region = region(roles, r.region() != null ? r.region() : current.region());
                    String name = r.fullName() == null || r.fullName().isBlank() ? null : r.fullName().strip();
                    // an admin-set password is temporary: the user chooses their own at the next login
                    Boolean mustChange = r.password() == null ? null : Boolean.TRUE;
                    return users.update(username, roles, true, region, name, r.enabled(), r.password(), mustChange)
                            .flatMap(u -> audit.record(admin.username(), "USER_UPDATE", null, u.region(),
                                            username + " " + u.roles() + (r.enabled() == null ? ""
                                                    : r.enabled() ? " включён" : " отключён")
                                                    + (r.password() == null ? "" : ", пароль сброшен"))
                                    .then(endSessionsIfNeeded(u, r))
                                    .then(u.tokenVersion() > current.tokenVersion()
                                            ? outbox.append(AccessRevoked.userBefore(username, u.tokenVersion(),
                                            reason(current, u, r), Instant.now().plus(accessTokenLifetime)
                                                    .plus(Duration.ofSeconds(60))))
                                            : Mono.empty())
                                    .then(announce(u)));
                })
                .as(tx::transactional);
    }

    /** Disabled or given a new password: the refresh tokens stop working too. */
    private Mono<Void> endSessionsIfNeeded(UserView u, UserRequest r) {
        if (!u.enabled()) {
            return users.endSessions(u.username(), "DISABLED");
        }
        return r.password() != null ? users.endSessions(u.username(), "PASSWORD_RESET") : Mono.empty();
    }

    private static String reason(UserView before, UserView after, UserRequest r) {
        if (!after.enabled()) {
            return "DISABLED";
        }
        if (r.password() != null) {
            return "PASSWORD_RESET";
        }
        return before.region() == null ? after.region() == null ? "ROLES_CHANGED" : "REGION_CHANGED"
                : before.region().equals(after.region()) ? "ROLES_CHANGED" : "REGION_CHANGED";
    }

    /** What other services act on (routing's roster), in the transaction of the change. */
    private Mono<UserView> announce(UserView u) {
        return outbox.append(StaffUserChanged.of(u.username(), u.roles().stream().map(Role::name).toList(),
                u.region(), u.enabled())).thenReturn(u);
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.has("ADMIN")) {
            throw Problems.forbidden("Управлять пользователями может только администратор");
        }
    }

    private static List<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String n : names) {
            roles.add(parseRole(n));
        }
        return new ArrayList<>(roles);
    }

    private static Role parseRole(String name) {
        try {
            return Role.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw Problems.badRequest("Неизвестная роль: " + name
                    + ". Допустимые: OPERATOR, REGIONAL_HEAD, FEDERAL, KB_EDITOR, ADMIN");
        }
    }

    /** Regional roles need their region; the others have none. */
    private static String region(List<Role> roles, String region) {
        boolean regional = roles.stream().anyMatch(Role::regional);
        if (!regional) {
            return null;
        }
        if (region == null || region.isBlank()) {
            throw Problems.badRequest("Для оператора и руководителя региона укажите регион");
        }
        if (!Regions.exists(region.trim())) {
            throw Problems.badRequest("Неизвестный код региона: " + region);
        }
        return region.trim();
    }
}
