package ru.rosobr.assistant.intake.teacher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * The console's registry page (ADMIN, as the whole admin API): search with filters and paging, disabling and
 * enabling a teacher, and the upload of a registry file (CSV or XLSX) that imports the good rows and reports the
 * bad ones. Imports and disabling reach operator-service's audit log as {@code audit.intake} events, written in the
 * transaction of the change.
 */
@RestController
@RequestMapping("/api/admin/teachers")
public class TeacherAdminController {

    private static final Logger log = LoggerFactory.getLogger(TeacherAdminController.class);
    static final int MAX_PAGE = 200;

    /** A teacher as the registry page lists them. */
    public record TeacherView(String teacherId, Channel channel, String platformUserId, @Nullable String fio,
                              @Nullable String region, @Nullable String regionName, @Nullable OrgType orgType,
                              boolean verified, boolean disabled, @Nullable Instant disabledAt,
                              @Nullable String disabledBy, Instant updatedAt) {

        static TeacherView of(TeacherEntry t) {
            return new TeacherView(t.teacherId(), t.channel(), t.platformUserId(), t.fio(), t.region(),
                    t.region() == null ? null : Regions.find(t.region()).map(Regions.Region::name).orElse(null),
                    t.orgType(), t.verified(), t.disabled(), t.disabledAt(), t.disabledBy(), t.updatedAt());
        }
    }

    /** A teacher after being disabled or enabled. */
    public record TeacherState(String teacherId, Channel channel, String platformUserId, boolean verified,
                               boolean disabled) {
    }

    private final Teachers teachers;
    private final RegistryUpload upload;
    private final TransactionalOperator tx;
    private final long maxUploadBytes;

    public TeacherAdminController(Teachers teachers, RegistryUpload upload, TransactionalOperator tx,
                                  @Value("${assistant.teachers.upload-max-size:20MB}") DataSize maxUpload) {
        this.teachers = teachers;
        this.upload = upload;
        this.tx = tx;
        this.maxUploadBytes = maxUpload.toBytes();
    }

    /** A page of the registry, by name; the number of all matching teachers in {@code X-Total-Count}. */
    @GetMapping
    @ApiResponse(responseCode = "200", description = "a page of the registry", headers = @Header(
            name = "X-Total-Count", description = "teachers matching the filters",
            schema = @Schema(type = "integer")))
    public Mono<ResponseEntity<List<TeacherView>>> search(
            @RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(required = false) String orgType, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String verified, @RequestParam(required = false) String disabled,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) {
            throw bad("Строка поиска длиннее 200 символов");
        }
        String regionCode = blank(region) ? null : RegistryImport.region(region.strip());
        if (!blank(region) && regionCode == null) {
            throw bad("Неизвестный код региона: " + region);
        }
        OrgType type = blank(orgType) ? null : RegistryImport.orgType(orgType);
        if (!blank(orgType) && type == null) {
            throw bad("Тип организации — SCHOOL, SPO или DOO: " + orgType);
        }
        if (limit < 1 || limit > MAX_PAGE || offset < 0) {
            throw bad("limit — от 1 до " + MAX_PAGE + ", offset — не меньше 0");
        }
        TeacherQuery query = new TeacherQuery(text, regionCode, type, blank(channel) ? null : channel(channel),
                flag("verified", verified), flag("disabled", disabled), limit, offset);
        return teachers.search(query).map(page -> ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .body(page.items().stream().map(TeacherView::of).toList()));
    }

    @PostMapping("/{channel}/{platformUserId}/disable")
    public Mono<TeacherState> disable(@PathVariable String channel, @PathVariable String platformUserId,
                                             Authentication who) {
        return setDisabled(channel, platformUserId, true, who);
    }

    @PostMapping("/{channel}/{platformUserId}/enable")
    public Mono<TeacherState> enable(@PathVariable String channel, @PathVariable String platformUserId,
                                            Authentication who) {
        return setDisabled(channel, platformUserId, false, who);
    }

    private Mono<TeacherState> setDisabled(String channel, String platformUserId, boolean disable,
                                                  Authentication who) {
        Channel ch = channel(channel);
        return teachers.setDisabled(ch, platformUserId, disable, who.getName())
                .as(tx::transactional)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Педагог не найден")))
                .doOnNext(t -> log.info("audit: {} {} teacher {}", who.getName(),
                        disable ? "disabled" : "enabled", t.id()))
                .map(t -> new TeacherState(t.id(), t.channel(), t.platformUserId(), t.verified(), t.disabled()));
    }

    /**
     * A registry file as the request body (CSV or XLSX, told apart by content), streamed to a temporary file (never
     * held in memory) up to {@code assistant.teachers.upload-max-size}: bigger — 413. An unreadable file — 400;
     * otherwise 200 with the report, the good rows imported.
     */
    @PostMapping(path = "/upload", consumes = MediaType.ALL_VALUE)
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "the registry file, CSV or XLSX", content = @Content(mediaType = MediaType.ALL_VALUE,
                    schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "200", description = "the good rows imported, the bad ones reported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RegistryUpload.Report.class)))
    public Mono<ResponseEntity<Object>> upload(ServerHttpRequest request, Authentication who) {
        long declared = request.getHeaders().getContentLength();
        if (declared > maxUploadBytes) {
            return Mono.just(tooLarge());
        }
        return Mono.fromCallable(() -> Files.createTempFile("teacher-registry-", ".upload"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(file -> {
                    AtomicLong received = new AtomicLong();
                    return DataBufferUtils.write(request.getBody().map(buffer -> {
                                if (received.addAndGet(buffer.readableByteCount()) > maxUploadBytes) {
                                    DataBufferUtils.release(buffer);
                                    throw new TooLarge();
                                }
                                return buffer;
                            }), file)
                            .then(Mono.defer(() -> upload.upload(file, who.getName())))
                            .map(report -> {
                                log.info("audit: {} uploaded the teacher registry ({}, {} bytes): {} rows, {} imported"
                                                + " ({} new, {} updated), {} rejected", who.getName(), report.format(),
                                        received.get(), report.rows(), report.imported(), report.created(),
                                        report.updated(), report.rejected());
                                return ResponseEntity.ok().<Object>body(report);
                            })
                            .onErrorResume(TooLarge.class, e -> {
                                log.info("teacher registry upload by {} refused: over {} bytes", who.getName(),
                                        maxUploadBytes);
                                return Mono.just(tooLarge());
                            })
                            .onErrorResume(RegistryImport.Unreadable.class, e -> {
                                log.info("teacher registry upload by {} refused: {}", who.getName(), e.getMessage());
                                return Mono.just(problem(HttpStatus.BAD_REQUEST, e.getMessage()));
                            })
                            .doFinally(s -> delete(file));
                });
    }

    private ResponseEntity<Object> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Файл больше " + (maxUploadBytes / (1024 * 1024))
                + " МБ: разделите реестр на несколько файлов");
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Реестр педагогов не загружен");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("temporary registry file {} not deleted: {}", file, e.toString());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Boolean flag(String name, String value) {
        if (blank(value)) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name + " — true или false: " + value);
        };
    }

    private static Channel channel(String value) {
        try {
            return Channel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("Канал — MAX, VK или WEBCHAT: " + value);
        }
    }

    private static ResponseStatusException bad(String reason) {
        log.info("teacher registry request refused: {}", reason);
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    /** The body went over the limit while streaming in. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
