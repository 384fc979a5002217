package ru.rosobr.assistant.operator.users;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.security.Viewer;

/** Console users: the list (heads: own region), and for admins adding and changing users. */
@RestController
@RequestMapping("/api/console/users")
public class UserController {

    private final UserAdmin admin;

    public UserController(UserAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    public Flux<UserView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String role,
                               @RequestParam(required = false) String region) {
        return admin.list(Viewer.of(jwt), blankToNull(role), blankToNull(region));
    }

    @PostMapping
    public Mono<ResponseEntity<UserView>> create(@AuthenticationPrincipal Jwt jwt,
                                                 @RequestBody UserAdmin.UserRequest request) {
        return Mono.defer(() -> admin.create(Viewer.of(jwt), request))
                .map(u -> ResponseEntity.created(URI.create("/api/console/users/" + u.username())).body(u));
    }

    @PutMapping("/{username}")
    public Mono<UserView> update(@AuthenticationPrincipal Jwt jwt, @PathVariable String username,
                                 @RequestBody UserAdmin.UserRequest request) {
        return Mono.defer(() -> admin.update(Viewer.of(jwt), username, request));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
