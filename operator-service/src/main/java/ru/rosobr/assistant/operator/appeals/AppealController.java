package ru.rosobr.assistant.operator.appeals;

import java.net.URI;
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

import ru.rosobr.assistant.operator.problems.Problems;
import ru.rosobr.assistant.operator.security.ViewerZone;
import ru.rosobr.assistant.platform.security.Viewer;

/**
 * The console's appeal routes under {@code /api/console}: list, export, counters, kanban, card and the actions on
 * an appeal; who may see and do what is decided by {@link AppealQueries} and {@link AppealActions}.
 * {@code version} in a request body is the card's version the user acted on (optional; a stale one is refused with
 * 409).
 */
@RestController
@RequestMapping("/api/console")
public class AppealController {

    static final String TOTAL_COUNT = "X-Total-Count";
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

    private final AppealQueries console;
    private final AppealActions actions;

    public AppealController(AppealQueries console, AppealActions actions) {
        this.console = console;
        this.actions = actions;
    }

    /** Query parameters of the list and of the export (bound from the query string). */
    public record ListQuery(List<String> status, List<String> column, String overdue, String from, String to,
                            String rating, String operator, String region, String q, String sort, String page,
                            String size) {

        AppealFilter toFilter(Viewer viewer, boolean paged) {
            return AppealFilter.parse(status, column, overdue, from, to, rating, operator, region, q, sort,
                    paged ? page : null, paged ? size : null, ViewerZone.of(viewer));
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
}
