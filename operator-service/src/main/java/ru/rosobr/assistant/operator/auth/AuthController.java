package ru.rosobr.assistant.operator.auth;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.appeals.AuditTrail;
import ru.rosobr.assistant.operator.security.Viewer;
import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.Users;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * {@code POST /api/auth/login} issues an access token, {@code POST /api/auth/logout} revokes it,
 * {@code GET /api/auth/me} says who the token is for.
 */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    public record LoginRequest(String username, String password) {
    }

    public record LoginResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt,
                                String username, List<String> roles, String region, String regionName,
                                String fullName) {
    }

    public record Me(String username, List<String> roles, String region, String regionName, Instant expiresAt) {
    }

    private final Users users;
    private final TokenIssuer tokens;
    private final AuditTrail audit;
    private final RevokedTokens revoked;

    public AuthController(Users users, TokenIssuer tokens, AuditTrail audit, RevokedTokens revoked) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.revoked = revoked;
    }

    @PostMapping("/login")
    public Mono<LoginResponse> login(@RequestBody LoginRequest request) {
        if (request == null || isBlank(request.username()) || isBlank(request.password())) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Укажите логин и пароль"));
        }
        String username = request.username().trim();
        return users.authenticate(username, request.password())
                .switchIfEmpty(Mono.defer(() -> {
                    log.warn("login refused for «{}»", username);
                    return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                            "Неверный логин или пароль"));
                }))
                .flatMap(user -> audit.record(user.username(), "LOGIN", null, user.region(), null)
                        .then(Mono.fromSupplier(() -> {
                            TokenIssuer.IssuedToken t = tokens.issue(user);
                            return new LoginResponse(t.value(), "Bearer", t.expiresInSeconds(), t.expiresAt(),
                                    user.username(), user.roles().stream().map(Role::name).toList(), user.region(),
                                    regionName(user.region()), user.fullName());
                        })));
    }

    /** Ends the session: the token is revoked (401 from then on), the logout is in the audit log. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> logout(@AuthenticationPrincipal Jwt jwt) {
        Viewer viewer = Viewer.of(jwt);
        return revoked.revoke(jwt)
                .then(audit.record(viewer.username(), "LOGOUT", null, viewer.region(), null))
                .doOnSuccess(v -> log.info("{} logged out", viewer.username()));
    }

    @GetMapping("/me")
    public Me me(@AuthenticationPrincipal Jwt jwt) {
        Viewer viewer = Viewer.of(jwt);
        return new Me(viewer.username(), viewer.roles().stream().sorted().toList(), viewer.region(),
                regionName(viewer.region()), jwt.getExpiresAt());
    }

    private static String regionName(String region) {
        return Regions.find(region).map(Regions.Region::name).orElse(null);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
