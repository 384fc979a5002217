package ru.rosobr.assistant.operator.console;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.appeals.AppealCard;
import ru.rosobr.assistant.operator.appeals.AppealQuery;
import ru.rosobr.assistant.operator.appeals.AppealStatus;
import ru.rosobr.assistant.operator.appeals.AppealSummary;
import ru.rosobr.assistant.operator.appeals.AuditEntry;
import ru.rosobr.assistant.operator.appeals.ConsoleService;
import ru.rosobr.assistant.operator.appeals.JudgementView;
import ru.rosobr.assistant.operator.appeals.ReplyView;
import ru.rosobr.assistant.operator.security.Viewer;

/** The console API under {@code /api/console}; who may see what is decided by {@link ConsoleService}. */
@RestController
@RequestMapping("/api/console")
public class ConsoleController {

    /** {@code version}: the card's version the reply was written against; optional. */
    public record ReplyRequest(String text, Long version) {
    }

    public record JudgementRequest(String verdict, String comment, Long version) {
    }

    public record EscalationRequest(String reason, Long version) {
    }

    private final ConsoleService console;

    public ConsoleController(ConsoleService console) {
        this.console = console;
    }

    @GetMapping("/appeals")
    public Flux<AppealSummary> list(@AuthenticationPrincipal Jwt jwt,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String region,
                                    @RequestParam(required = false) Boolean overdue,
                                    @RequestParam(defaultValue = "" + AppealQuery.DEFAULT_LIMIT) int limit,
                                    @RequestParam(defaultValue = "0") int offset) {
        return console.list(Viewer.of(jwt), new AppealQuery(status(status), blankToNull(region), overdue, limit,
                offset));
    }

    @GetMapping("/appeals/{id}")
    public Mono<AppealCard> card(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return console.card(Viewer.of(jwt), id);
    }

    @PostMapping("/appeals/{id}/replies")
    public Mono<ResponseEntity<ReplyView>> reply(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                 @RequestBody ReplyRequest request) {
        return console.reply(Viewer.of(jwt), id, request.text(), request.version())
                .map(r -> ResponseEntity.created(URI.create("/api/console/appeals/" + id + "/replies/" + r.id()))
                        .body(r));
    }

    @PostMapping("/appeals/{id}/judgement")
    public Mono<ResponseEntity<JudgementView>> judge(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                     @RequestBody JudgementRequest request) {
        return console.judge(Viewer.of(jwt), id, request.verdict(), request.comment(), request.version())
                .map(j -> ResponseEntity.status(HttpStatus.CREATED).body(j));
    }

    @PostMapping("/appeals/{id}/escalate")
    public Mono<AppealSummary> escalate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                        @RequestBody EscalationRequest request) {
        return console.escalate(Viewer.of(jwt), id, request.reason(), request.version());
    }

    @GetMapping("/audit")
    public Flux<AuditEntry> audit(@AuthenticationPrincipal Jwt jwt,
                                  @RequestParam(required = false) String appealId,
                                  @RequestParam(defaultValue = "" + AppealQuery.DEFAULT_LIMIT) int limit) {
        return console.audit(Viewer.of(jwt), blankToNull(appealId), limit);
    }

    private static AppealStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AppealStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Неизвестный статус: " + value
                    + ". Допустимые: NEW, IN_PROGRESS, ANSWERED, CLOSED, FEDERAL");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
