package ru.rosobr.assistant.operator.console;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.operator.appeals.AppealActions;
import ru.rosobr.assistant.operator.appeals.AppealCard;
import ru.rosobr.assistant.operator.appeals.AppealCounters;
import ru.rosobr.assistant.operator.appeals.AppealFilter;
import ru.rosobr.assistant.operator.appeals.AppealSummary;
import ru.rosobr.assistant.operator.audit.AuditEntry;
import ru.rosobr.assistant.operator.appeals.ConsoleService;
import ru.rosobr.assistant.operator.appeals.JudgementView;
import ru.rosobr.assistant.operator.appeals.KanbanBoard;
import ru.rosobr.assistant.operator.appeals.KanbanColumn;
import ru.rosobr.assistant.operator.appeals.KanbanCursor;
import ru.rosobr.assistant.operator.appeals.KanbanPage;
import ru.rosobr.assistant.operator.problems.Problems;
import ru.rosobr.assistant.operator.appeals.ReplyView;
import ru.rosobr.assistant.operator.security.Viewer;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * The console API under {@code /api/console}; who may see and do what is decided by {@link ConsoleService} and
 * {@link AppealActions}. {@code version} in a request body is the card's version the user acted on (optional; a
 * stale one is refused with 409).
 */
@RestController
@RequestMapping("/api/console")
public class ConsoleController {

    static final String TOTAL_COUNT = "X-Total-Count";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Cards per kanban column page unless asked otherwise. */
    static final int DEFAULT_KANBAN_PAGE = 20;

    public record ReplyRequest(String text, Long version) {
    }

    public record JudgementRequest(String verdict, String comment, Long version) {
    }

    public record EscalationRequest(String reason, Long version) {
    }

    public record StatusRequest(String status, Long version) {
    }

    public record ReassignRequest(String operator, String comment, Long version) {
    }

    public record ControlRequest(Long version) {
    }

    private final ConsoleService console;
    private final AppealActions actions;

    public ConsoleController(ConsoleService console, AppealActions actions) {
        this.console = console;
        this.actions = actions;
    }

    /** Query parameters of the list and of the export (bound from the query string). */
    public record ListQuery(List<String> status, List<String> column, String overdue, String from, String to,
                            String rating, String operator, String region, String q, String sort, String page,
                            String size) {

        AppealFilter toFilter(Viewer viewer, boolean paged) {
            return AppealFilter.parse(status, column, overdue, from, to, rating, operator, region, q, sort,
                    paged ? page : null, paged ? size : null, zoneOf(viewer));
        }
    }

    /** A JSON array (the contract); the number of all matching appeals is in {@code X-Total-Count}. */
    @GetMapping("/appeals")
    public Mono<ResponseEntity<List<AppealSummary>>> list(@AuthenticationPrincipal Jwt jwt, ListQuery query) {
        Viewer viewer = Viewer.of(jwt);
        return Mono.fromCallable(() -> query.toFilter(viewer, true))
                .flatMap(filter -> console.list(viewer, filter))
                .map(p -> ResponseEntity.ok()
                        .header(TOTAL_COUNT, String.valueOf(p.total()))
                        .header("Access-Control-Expose-Headers", TOTAL_COUNT)
                        .body(p.items()));
    }

    /** The same filters as the list; every matching appeal (up to 10 000), as a CSV file. */
    @GetMapping(value = "/appeals/export.csv")
    public Mono<ResponseEntity<Flux<String>>> export(@AuthenticationPrincipal Jwt jwt, ListQuery query) {
        Viewer viewer = Viewer.of(jwt);
        return Mono.fromCallable(() -> query.toFilter(viewer, false))
                .map(filter -> ResponseEntity.ok()
                        .contentType(AppealsCsv.MEDIA_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"appeals.csv\"")
                        .body(AppealsCsv.lines(console.export(viewer, filter))));
    }

    /** Per kanban column, overdue and unread; the list's filters are optional (sort and pages are ignored). */
    @GetMapping("/appeals/counters")
    public Mono<AppealCounters> counters(@AuthenticationPrincipal Jwt jwt, ListQuery query) {
        Viewer viewer = Viewer.of(jwt);
        return Mono.fromCallable(() -> query.toFilter(viewer, false))
                .flatMap(filter -> console.counters(viewer, filter));
    }

    /** Every column's total and first {@code perColumn} cards (nearest deadline first); the list's filters apply. */
    @GetMapping("/kanban")
    public Mono<KanbanBoard> kanban(@AuthenticationPrincipal Jwt jwt, ListQuery query,
                                    @RequestParam(required = false) String perColumn) {
        Viewer viewer = Viewer.of(jwt);
        return Mono.fromCallable(() -> query.toFilter(viewer, false))
                .flatMap(filter -> console.kanban(viewer, filter, count(perColumn, "perColumn")));
    }

    /** «Показать ещё»: the column's next {@code limit} cards after the cursor {@code after} (the previous next). */
    @GetMapping("/kanban/{columnId}")
    public Mono<KanbanPage> kanbanColumn(@AuthenticationPrincipal Jwt jwt, @PathVariable String columnId,
                                         ListQuery query, @RequestParam(required = false) String after,
                                         @RequestParam(required = false) String limit) {
        Viewer viewer = Viewer.of(jwt);
        return Mono.fromCallable(() -> query.toFilter(viewer, false))
                .flatMap(filter -> console.kanbanColumn(viewer, filter, KanbanColumn.parse(columnId)
                                .orElseThrow(() -> Problems.notFound("Нет такой колонки канбана: " + columnId
                                        + ". Есть: NEW, IN_PROGRESS, ANSWERED, CLOSED, OVERDUE, FEDERAL")),
                        KanbanCursor.parse(after), count(limit, "limit")));
    }

    @GetMapping("/appeals/{id}")
    public Mono<AppealCard> card(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return console.card(Viewer.of(jwt), id);
    }

    @PostMapping("/appeals/{id}/replies")
    public Mono<ResponseEntity<ReplyView>> reply(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                 @RequestBody ReplyRequest request) {
        return actions.reply(Viewer.of(jwt), id, request.text(), request.version())
                .map(r -> ResponseEntity.created(URI.create("/api/console/appeals/" + id + "/replies/" + r.id()))
                        .body(r));
    }

    @PostMapping("/appeals/{id}/judgement")
    public Mono<ResponseEntity<JudgementView>> judge(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                     @RequestBody JudgementRequest request) {
        return actions.judge(Viewer.of(jwt), id, request.verdict(), request.comment(), request.version())
                .map(j -> ResponseEntity.status(HttpStatus.CREATED).body(j));
    }

    @PostMapping("/appeals/{id}/escalate")
    public Mono<AppealSummary> escalate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                        @RequestBody EscalationRequest request) {
        return actions.escalate(Viewer.of(jwt), id, request.reason(), request.version());
    }

    @PostMapping("/appeals/{id}/status")
    public Mono<AppealSummary> status(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                      @RequestBody StatusRequest request) {
        return actions.changeStatus(Viewer.of(jwt), id, request.status(), request.version());
    }

    @PostMapping("/appeals/{id}/reassign")
    public Mono<AppealSummary> reassign(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                        @RequestBody ReassignRequest request) {
        return actions.reassign(Viewer.of(jwt), id, request.operator(), request.comment(), request.version());
    }

    @PostMapping("/appeals/{id}/take-control")
    public Mono<AppealSummary> takeControl(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                           @RequestBody(required = false) ControlRequest request) {
        return actions.takeControl(Viewer.of(jwt), id, request == null ? null : request.version());
    }

    @GetMapping("/audit")
    public Flux<AuditEntry> audit(@AuthenticationPrincipal Jwt jwt,
                                  @RequestParam(required = false) String appealId,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(defaultValue = "100") int limit) {
        Viewer viewer = Viewer.of(jwt);
        return console.audit(viewer, blankToNull(appealId), blankToNull(actor), blankToNull(action),
                day(from, "from", zoneOf(viewer), 0), day(to, "to", zoneOf(viewer), 1), limit);
    }

    /** A date of the audit filter as the start of that day ({@code plusDays} 1: of the next day) in the zone. */
    private static java.time.Instant day(String value, String name, ZoneId zone, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw Problems.badRequest("Параметр " + name + " — дата вида 2025-03-01: " + value);
        }
    }

    /** Plain dates in filters are days of the viewer's region (Moscow time for federal staff). */
    private static ZoneId zoneOf(Viewer viewer) {
        return Regions.find(viewer.region()).map(Regions.Region::zone).orElse(MOSCOW);
    }

    private static int count(String value, String name) {
        if (value == null || value.isBlank()) {
            return DEFAULT_KANBAN_PAGE;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.badRequest("Параметр " + name + " должен быть целым числом: " + value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
