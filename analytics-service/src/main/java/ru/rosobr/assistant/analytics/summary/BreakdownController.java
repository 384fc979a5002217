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
 * Breakdowns of a period for the console's charts and tables: {@code /daily}, {@code /regions}, {@code /topics}
 * (each {@code ?from&to&region}, scoped like the summary), {@code /campaigns} (campaign delivery and read rates per
 * region, same parameters) and {@code /kb-growth?from&to}.
 */
@RestController
@RequestMapping("/api/analytics")
public class BreakdownController {

    private final Breakdowns breakdowns;

    public BreakdownController(Breakdowns breakdowns) {
        this.breakdowns = breakdowns;
    }

    @GetMapping("/daily")
    public Mono<List<Figures>> daily(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String region) {
        return breakdowns.by(Breakdowns.By.DAY, Scope.of(jwt, from, to, region));
    }

    @GetMapping("/regions")
    public Mono<List<Figures>> regions(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String region) {
        return breakdowns.by(Breakdowns.By.REGION, Scope.of(jwt, from, to, region));
    }

    @GetMapping("/topics")
    public Mono<List<Figures>> topics(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String region) {
        return breakdowns.byTopic(Scope.of(jwt, from, to, region));
    }

    /** Campaign delivery and read rates per region (and in total) over the period. */
    @GetMapping("/campaigns")
    public Mono<List<CampaignRates>> campaigns(@AuthenticationPrincipal Jwt jwt,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) String region) {
        return breakdowns.campaigns(Scope.of(jwt, from, to, region));
    }

    @GetMapping("/kb-growth")
    public Mono<List<KbGrowth>> kbGrowth(@AuthenticationPrincipal Jwt jwt,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to) {
        Scope scope = Scope.of(jwt, from, to, null);
        return breakdowns.kbGrowth(scope.from(), scope.to()).collectList();
    }
}
