package ru.rosobr.assistant.operator.appeals;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.security.Viewer;

/**
 * {@code GET /api/console/stream}: live updates as Server-Sent Events. Every committed change of an appeal the
 * viewer may see (region isolation as everywhere) comes as {@code event: appeal} with the appeal summary as data;
 * a {@code : ping} comment keeps the connection alive. The stream ends when the token expires.
 */
@RestController
@RequestMapping("/api/console")
public class AppealStreamController {

    private static final Logger log = LoggerFactory.getLogger(AppealStreamController.class);

    /** Per subscriber: a slow reader loses the oldest updates, never blocks the others. */
    static final int BUFFER = 512;

    private final AppealChanges changes;
    private final Duration heartbeat;

    public AppealStreamController(AppealChanges changes,
                            @Value("${assistant.console.stream-heartbeat:15s}") Duration heartbeat) {
        this.changes = changes;
        this.heartbeat = heartbeat;
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> stream(@AuthenticationPrincipal Jwt jwt, ServerHttpResponse response) {
        Viewer viewer = Viewer.of(jwt);
        // proxies (nginx and the like) must pass events on at once
        response.getHeaders().set("X-Accel-Buffering", "no");
        response.getHeaders().setCacheControl("no-cache");
        Flux<ServerSentEvent<Object>> appeals = changes.feed()
                .filter(c -> viewer.canSee(c.appeal().region()))
                .onBackpressureBuffer(BUFFER, dropped -> log.warn("{}: live update of appeal {} dropped (slow reader)",
                        viewer.username(), dropped.appeal().id()), BufferOverflowStrategy.DROP_OLDEST)
                .map(c -> ServerSentEvent.<Object>builder(
                                c.appeal().withUnread(!viewer.username().equals(c.actor())))
                        .event("appeal")
                        .id(c.appeal().id() + ":" + c.appeal().version())
                        .build());
        Flux<ServerSentEvent<Object>> pings = Flux.interval(heartbeat, heartbeat)
                .map(i -> ServerSentEvent.<Object>builder().comment("ping").build());
        // merge subscribes in order: the feed is listened to before the first byte tells the client it is connected
        Flux<ServerSentEvent<Object>> all = Flux.merge(appeals,
                Mono.just(ServerSentEvent.<Object>builder().comment("connected").build()), pings);
        Instant expires = jwt.getExpiresAt();
        if (expires != null) {
            Duration left = Duration.between(Instant.now(), expires);
            all = all.take(left.isNegative() ? Duration.ZERO : left);
        }
        log.info("{} (region {}) subscribed to live updates", viewer.username(), viewer.region());
        return all.takeUntilOther(changes.closing()).doFinally(s -> log.info("{}: live updates ended ({})", viewer.username(), s));
    }
}
