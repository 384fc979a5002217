package ru.rosobr.assistant.analytics.summary;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/analytics/summary[?from=YYYY-MM-DD][&to=YYYY-MM-DD][&region=NN]}: per-region statistics for a
 * period (days in Moscow time, both bounds inclusive). Region isolation is enforced here: a regional user gets
 * their own region only, whatever they ask for.
 */
@RestController
@RequestMapping("/api/analytics")
public class SummaryController {

    private final RegionStatistics statistics;

    public SummaryController(RegionStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/summary")
    public Mono<List<RegionSummary>> summary(@AuthenticationPrincipal Jwt jwt,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String region) {
        Scope scope = Scope.of(jwt, from, to, region);
        return statistics.summary(scope.from(), scope.to(), scope.region())
                .map(rows -> rows.isEmpty() && scope.region() != null
                        ? List.of(RegionStatistics.empty(scope.region())) : rows);
    }
}
