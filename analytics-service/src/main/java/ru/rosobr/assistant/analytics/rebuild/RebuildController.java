package ru.rosobr.assistant.analytics.rebuild;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ru.rosobr.assistant.analytics.rebuild.internal.Rebuilder;

/**
 * {@code POST /api/analytics/admin/rebuild} (role ADMIN): replays every consumed topic from offset 0 into fresh
 * tables and replaces the projection with them; answers when done, with what was read. One at a time per replica.
 */
@RestController
@RequestMapping("/api/analytics/admin")
public class RebuildController {

    private static final Logger log = LoggerFactory.getLogger(RebuildController.class);

    private final Rebuilder rebuilder;
    private final AtomicBoolean running = new AtomicBoolean();

    public RebuildController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/rebuild")
    public Mono<RebuildReport> rebuild(@AuthenticationPrincipal Jwt jwt) {
        if (!running.compareAndSet(false, true)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Пересборка статистики уже идёт.");
        }
        log.info("projection rebuild requested by {}", jwt.getSubject());
        return Mono.fromCallable(rebuilder::rebuild)
                .subscribeOn(Schedulers.boundedElastic())
                .doFinally(s -> running.set(false));
    }
}
