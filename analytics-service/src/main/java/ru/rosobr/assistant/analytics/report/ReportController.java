package ru.rosobr.assistant.analytics.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.concurrent.Executor;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import ru.rosobr.assistant.analytics.report.internal.StatisticsWorkbook;
import ru.rosobr.assistant.analytics.summary.Breakdowns;
import ru.rosobr.assistant.analytics.summary.Scope;

/**
 * {@code GET /api/analytics/report.xlsx?from=YYYY-MM-DD&to=YYYY-MM-DD[&region=NN]} (contract): the statistics of a
 * period as an XLSX workbook, scoped like every statistics request (a regional user gets their region). The rows
 * are aggregates (at most the period's days, 89 regions, the KB's topics); the workbook is written straight into the
 * response as it is produced, never held whole in memory.
 */
@RestController
@RequestMapping("/api/analytics")
public class ReportController {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static final MediaType XLSX = MediaType.parseMediaType(XLSX_TYPE);

    private final Breakdowns breakdowns;

    public ReportController(Breakdowns breakdowns) {
        this.breakdowns = breakdowns;
    }

    @GetMapping("/report.xlsx")
    @ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = XLSX_TYPE,
            schema = @Schema(type = "string", format = "binary")))
    public Mono<ResponseEntity<Flux<DataBuffer>>> report(@AuthenticationPrincipal Jwt jwt,
                                                         @RequestParam(required = false) String from,
                                                         @RequestParam(required = false) String to,
                                                         @RequestParam(required = false) String region) {
        Scope scope = Scope.of(jwt, from, to, region);
        Executor writer = Schedulers.boundedElastic()::schedule;
        return Mono.zip(breakdowns.by(Breakdowns.By.REGION, scope), breakdowns.byTopic(scope),
                        breakdowns.by(Breakdowns.By.DAY, scope),
                        breakdowns.kbGrowth(scope.from(), scope.to()).collectList(), breakdowns.campaigns(scope))
                .map(data -> {
                    Flux<DataBuffer> body = Flux.from(DataBufferUtils.outputStreamPublisher(out -> {
                        try {
                            StatisticsWorkbook.write(out, scope.from(), scope.to(), data.getT1(), data.getT2(),
                                    data.getT3(), data.getT4(), data.getT5());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, DefaultDataBufferFactory.sharedInstance, writer));
                    return ResponseEntity.ok()
                            .contentType(XLSX)
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                    .filename(fileName(scope.from(), scope.to(), scope.region())).build().toString())
                            .body(body);
                });
    }

    private static String fileName(LocalDate from, LocalDate to, String region) {
        return "statistics" + (region == null ? "" : "-" + region) + (from == null ? "" : "-" + from)
                + (to == null ? "" : "-" + to) + ".xlsx";
    }
}
