package ru.rosobr.assistant.answer.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

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

import ru.rosobr.assistant.answer.gaps.GapReport;
import ru.rosobr.assistant.answer.gaps.KbGaps;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.Viewer;

/**
 * {@code GET /api/kb/gaps?from&to&region&minSize}: the KB gaps of a period. KB editors, federal staff and
 * administrators see every region ({@code region} narrows to one); operators and regional heads only the questions
 * of the region in their token (another region: 403).
 */
@RestController
@RequestMapping("/api/kb/gaps")
public class KbGapsController {

    private static final Logger log = LoggerFactory.getLogger(KbGapsController.class);
    /** The default period: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final KbGaps gaps;

    public KbGapsController(KbGaps gaps) {
        this.gaps = gaps;
    }

    @GetMapping
    public Mono<GapReport> report(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String region,
                                  @RequestParam(defaultValue = "2") int minSize) {
        String scope = scope(jwt, region);
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(KbGaps.ZONE) : day(to, "to");
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : day(from, "from");
        if (start.isAfter(end)) {
            throw bad("Начало периода (" + start + ") позже его конца (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw bad("Период длиннее " + MAX_DAYS + " дней");
        }
        if (minSize < 1 || minSize > 1000) {
            throw bad("minSize — от 1 до 1000");
        }
        return gaps.report(start, end, scope, minSize);
    }

    /** The region the caller's report covers (null: every region). */
    private static String scope(Jwt jwt, String requested) {
        String region = requested == null || requested.isBlank() ? null : requested.strip();
        if (region != null && Regions.find(region).isEmpty()) {
            throw bad("Неизвестный регион «" + region + "»");
        }
        Viewer viewer = Viewer.of(jwt);
        // the gaps are knowledge-base work: a KB editor reads every region's questions, unlike elsewhere
        if (viewer.has("KB_EDITOR") || viewer.seesAllRegions()) {
            return region;
        }
        if (!viewer.regional()) {
            log.warn("kb gaps refused to {}: roles {}, region {}", viewer.username(), viewer.roles(), viewer.region());
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Пробелы базы знаний доступны редакторам базы "
                    + "знаний, Рособрнадзору и сотрудникам региона");
        }
        return viewer.narrow(region).map(Viewer.RegionFilter::region).orElseThrow(() -> {
            log.warn("kb gaps of region {} refused to {} of region {}", region, viewer.username(), viewer.region());
            return new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Доступны вопросы только вашего региона (" + viewer.region() + ")");
        });
    }

    private static LocalDate day(String text, String name) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw bad("Неверная дата " + name + "=«" + text + "»: нужна ГГГГ-ММ-ДД");
        }
    }

    private static ResponseStatusException bad(String reason) {
        log.warn("kb gaps: {}", reason);
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
