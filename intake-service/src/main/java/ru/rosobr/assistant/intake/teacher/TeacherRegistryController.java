package ru.rosobr.assistant.intake.teacher;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * The verified-teacher registry (ADMIN): {@code POST /api/admin/teachers} with a JSON list or a CSV
 * ({@code Content-Type: text/csv}) adds or updates verified teachers. All rows are checked first: one bad row
 * refuses the whole import (400 with every bad row's number and reason), so nothing is half-imported.
 */
@RestController
@RequestMapping("/api/admin/teachers")
public class TeacherRegistryController {

    private static final Logger log = LoggerFactory.getLogger(TeacherRegistryController.class);

    private final Teachers teachers;
    private final TransactionalOperator tx;
    private final Outbox outbox;

    public TeacherRegistryController(Teachers teachers, TransactionalOperator tx, Outbox outbox) {
        this.teachers = teachers;
        this.tx = tx;
        this.outbox = outbox;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "the verified teachers: a JSON list, or CSV with a header row", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = RegistryEntry.class))),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"))}))
    @ApiResponse(responseCode = "200", description = "every row imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ImportResult.class)))
    public Mono<ResponseEntity<Object>> importRegistry(@RequestBody(required = false) String body,
                                                       @RequestHeader(value = "Content-Type", required = false)
                                                       String contentType, Authentication who) {
        RegistryImport.Parsed parsed;
        boolean csv = contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
        try {
            parsed = csv ? RegistryImport.fromCsv(body) : RegistryImport.fromJson(body);
        } catch (RegistryImport.Unreadable e) {
            log.info("teacher registry import refused: {}", e.getMessage());
            return Mono.just(problem(e.getMessage(), List.of()));
        }
        if (!parsed.ok()) {
            String rows = parsed.problems().stream().map(p -> String.valueOf(p.row()))
                    .collect(Collectors.joining(", "));
            log.info("teacher registry import refused: bad rows {}", rows);
            return Mono.just(problem((csv ? "Ошибки в строках " : "Ошибки в записях ") + rows
                    + ": ничего не загружено, исправьте и загрузите снова", parsed.problems()));
        }
        // the import and its entry in the console's audit log commit together
        return tx.transactional(teachers.importVerified(parsed.entries())
                        .flatMap(r -> outbox.append(StaffActionAudited.of(who.getName(), RegistryUpload.IMPORT_ACTION, null,
                                (csv ? "CSV" : "JSON") + ": загружено " + r.imported() + " (новых " + r.created()
                                        + ", обновлено " + r.updated() + ")")).thenReturn(r)))
                .doOnNext(r -> log.info("teacher registry import: {} rows, {} new, {} updated", r.imported(),
                        r.created(), r.updated()))
                .map(r -> ResponseEntity.ok().body(r));
    }

    private static ResponseEntity<Object> problem(String detail, List<RegistryImport.RowProblem> rows) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Реестр педагогов не загружен");
        problem.setType(URI.create("about:blank"));
        if (!rows.isEmpty()) {
            problem.setProperty("errors", rows.stream()
                    .map(p -> Map.<String, Object>of("row", p.row(), "reason", p.reason())).toList());
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
