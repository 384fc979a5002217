package ru.rosobr.assistant.intake.delivery;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What became of outbound messages (ADMIN): {@code GET /api/admin/deliveries?status=FAILED} lists the messages
 * still failing or given up, with the reason; {@code POST /api/admin/deliveries/{id}/retry} queues a given-up
 * message again (for instance after the platform token was fixed).
 */
@RestController
@RequestMapping("/api/admin/deliveries")
public class DeliveryAdminController {

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "HELD", "FAILED");
    private static final Set<String> CHANNELS = Set.of("MAX", "VK", "WEBCHAT");

    private final Deliveries deliveries;
    private final Clock clock;

    public DeliveryAdminController(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GetMapping
    public Flux<DeliveryView> list(@RequestParam(required = false) String status,
                                   @RequestParam(required = false) String channel,
                                   @RequestParam(defaultValue = "100") int limit) {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        String c = channel == null || channel.isBlank() ? null : channel.trim().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "status должен быть одним из: PENDING, DELIVERED, HELD, FAILED"));
        }
        if (c != null && !CHANNELS.contains(c)) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "channel должен быть одним из: MAX, VK, WEBCHAT"));
        }
        if (limit < 1 || limit > 1000) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit должен быть от 1 до 1000"));
        }
        return deliveries.list(s, c, limit);
    }

    @PostMapping("/{messageId}/retry")
    public Mono<Void> retry(@PathVariable UUID messageId) {
        return deliveries.requeue(messageId, clock.instant())
                .flatMap(done -> done ? Mono.<Void>empty()
                        : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND,
                                "Нет недоставленного сообщения мессенджера с таким id")));
    }
}
