package ru.rosobr.assistant.platform.deadletter;

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
 * Admins inspect and replay the service's dead letters: {@code GET /api/admin/dead-letters/<service>} and
 * {@code POST /api/admin/dead-letters/<service>/{id}/replay}. The service name is in the path so that the gateway
 * can route each service's dead letters to it.
 */
@RestController
@RequestMapping("/api/admin/dead-letters/${assistant.service-name}")
public class DeadLetterController {

    /** What a replay of dead letter {@code id} did. */
    public record Replayed(long id, DeadLetters.Outcome outcome) {
    }

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public Flux<DeadLetters.DeadLetter> list(@RequestParam(defaultValue = "false") boolean pending,
                                             @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit — от 1 до 500"));
        }
        return deadLetters.list(pending, limit);
    }

    @PostMapping("/{id}/replay")
    public Mono<Replayed> replay(@PathVariable long id) {
        return deadLetters.replay(id)
                .map(outcome -> new Replayed(id, outcome))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Недоставленное событие " + id + " не найдено")))
                .onErrorMap(DeadLetters.NotReplayable.class,
                        e -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()))
                .onErrorMap(e -> !(e instanceof ResponseStatusException),
                        e -> new ResponseStatusException(HttpStatus.CONFLICT,
                                "Повтор не удался, ничего не изменено: " + e.getMessage()));
    }
}
