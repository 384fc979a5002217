package ru.rosobr.assistant.analytics.summary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.analytics.security.Viewer;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * {@code GET /api/analytics/summary[?from=YYYY-MM-DD][&to=YYYY-MM-DD][&region=NN]}: per-region statistics for a
 * period (days in Moscow time, both bounds inclusive). Region isolation is enforced here: a regional user gets
 * their own region only, whatever they ask for.
 */
@RestController
@RequestMapping("/api/analytics")
public class SummaryController {

    private static final Logger log = LoggerFactory.getLogger(SummaryController.class);

    private final RegionStatistics statistics;

    public SummaryController(RegionStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/summary")
    public Mono<List<RegionSummary>> summary(@AuthenticationPrincipal Jwt jwt,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String region) {
        Viewer viewer = Viewer.of(jwt).orElseThrow(() -> forbidden(jwt,
                "В токене нет роли или региона, дающих доступ к статистике."));
        LocalDate fromDay = date("from", from);
        LocalDate toDay = date("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw bad("Начало периода (from) позже его конца (to).");
        }
        if (region != null && !Regions.exists(region)) {
            throw bad("Неизвестный код региона: " + region + ". Ожидается двузначный код, например 58.");
        }
        if (region != null && !viewer.maySee(region)) {
            throw forbidden(jwt, "Статистика другого региона недоступна.");
        }
        String only = viewer.seesAllRegions() ? region : viewer.region();
        return statistics.summary(fromDay, toDay, only)
                .map(rows -> rows.isEmpty() && only != null ? List.of(RegionStatistics.empty(only)) : rows);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw bad("Параметр " + name + " — дата в формате ГГГГ-ММ-ДД, например 2026-03-01; получено: " + value);
        }
    }

    private static ResponseStatusException bad(String reason) {
        log.info("summary request rejected: {}", reason);
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    private static ResponseStatusException forbidden(Jwt jwt, String reason) {
        log.warn("summary request of {} refused: {}", jwt.getSubject(), reason);
        return new ResponseStatusException(HttpStatus.FORBIDDEN, reason);
    }
}
