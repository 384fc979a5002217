package ru.rosobr.assistant.operator.auth;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.input.TextInput;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.JwtSupport;
import ru.rosobr.assistant.platform.security.Viewer;

/**
 * {@code POST /api/auth/login} opens a session (short access token + refresh token), {@code /refresh} swaps the
 * refresh token for new ones, {@code /logout} ends the session, {@code /password} changes the own password,
 * {@code GET /api/auth/me} says who the token is for; {@code GET /.well-known/jwks.json} publishes the public keys
 * every other service verifies tokens with.
 */
@RestController
public class AuthController {

    public record LoginRequest(String username, String password) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record Me(String username, List<String> roles, @Nullable String region, @Nullable String regionName,
                     Instant expiresAt,
                     boolean passwordChangeRequired) {
    }

    /** Longer than any login the directory accepts. */
    private static final int MAX_USERNAME = 200;

    private final AuthService auth;
    private final SigningKeys keys;

    public AuthController(AuthService auth, SigningKeys keys) {
        this.auth = auth;
        this.keys = keys;
    }

    @PostMapping("/api/auth/login")
    public Mono<AuthService.Login> login(@RequestBody LoginRequest request) {
        if (request == null || isBlank(request.username()) || isBlank(request.password())) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Укажите логин и пароль"));
        }
        if (TextInput.hasNul(request.username()) || request.username().length() > MAX_USERNAME) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Логин длиннее " + MAX_USERNAME + " символов или " + TextInput.NUL_REASON));
        }
        return auth.login(request.username().trim(), request.password());
    }

    @PostMapping("/api/auth/refresh")
    public Mono<AuthService.Login> refresh(@RequestBody RefreshRequest request) {
        if (request == null || isBlank(request.refreshToken())) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Укажите refreshToken"));
        }
        return auth.refresh(request.refreshToken().trim());
    }

    /** Ends the session: its tokens are refused from now on, the logout is in the audit log. */
    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> logout(@AuthenticationPrincipal Jwt jwt) {
        Viewer viewer = Viewer.of(jwt);
        return auth.logout(viewer.username(), viewer.region(), AccessCheck.session(jwt));
    }

    @PostMapping("/api/auth/password")
    public Mono<AuthService.Login> changePassword(@AuthenticationPrincipal Jwt jwt,
                                                  @RequestBody PasswordChange request) {
        if (request == null || isBlank(request.newPassword())) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Укажите новый пароль"));
        }
        return auth.changePassword(jwt.getSubject(), request.currentPassword(), request.newPassword());
    }

    @GetMapping("/api/auth/me")
    public Me me(@AuthenticationPrincipal Jwt jwt) {
        Viewer viewer = Viewer.of(jwt);
        return new Me(viewer.username(), viewer.roles().stream().sorted().toList(), viewer.region(),
                Regions.find(viewer.region()).map(Regions.Region::name).orElse(null), jwt.getExpiresAt(),
                viewer.roles().isEmpty());
    }

    /** Public keys only; cached briefly by clients, which refetch anyway when they meet an unknown key id. */
    @GetMapping(JwtSupport.JWKS_PATH)
    public ResponseEntity<String> jwks() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(keys.published().toString());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
