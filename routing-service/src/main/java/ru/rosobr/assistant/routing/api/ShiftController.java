package ru.rosobr.assistant.routing.api;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.Viewer;
import ru.rosobr.assistant.routing.assignment.OffShiftPolicy;
import ru.rosobr.assistant.routing.assignment.Shifts;
import ru.rosobr.assistant.routing.roster.RosterEntry;

/** The calling operator's shift: {@code POST /api/routing/shifts/start}, {@code /end}, {@code GET /me} (OPERATOR). */
@RestController
@RequestMapping("/api/routing/shifts")
public class ShiftController {

    /**
     * The operator's shift state.
     *
     * @param onRoster     false: routing does not know the operator yet (they join it by coming on shift)
     * @param movedAppeals appeals taken from the region's queue (start) or handed on (end, RETURN policy)
     */
    public record ShiftView(String username, boolean onRoster, @Nullable String region, @Nullable String regionName,
                            boolean onShift, int openAppeals, @Nullable Instant idleSince, int movedAppeals,
                            OffShiftPolicy offShiftPolicy) {
        static ShiftView of(Shifts.ShiftChange c) {
            RosterEntry e = c.operator();
            return new ShiftView(e.username(), true, e.region(), ShiftController.regionName(e.region()),
                    e.onShift(), e.openAppeals(), e.idleSince(), c.movedAppeals(), c.offShiftPolicy());
        }
    }

    private final Shifts shifts;

    public ShiftController(Shifts shifts) {
        this.shifts = shifts;
    }

    @PostMapping("/start")
    public Mono<ShiftView> start(@AuthenticationPrincipal Jwt jwt) {
        return shifts.start(jwt.getSubject(), Viewer.of(jwt).region(), jwt.getSubject())
                .map(ShiftView::of);
    }

    @PostMapping("/end")
    public Mono<ShiftView> end(@AuthenticationPrincipal Jwt jwt) {
        return shifts.end(jwt.getSubject(), jwt.getSubject()).map(ShiftView::of);
    }

    @GetMapping("/me")
    public Mono<ShiftView> me(@AuthenticationPrincipal Jwt jwt) {
        String region = Viewer.of(jwt).region();
        return shifts.find(jwt.getSubject())
                .map(e -> new ShiftView(e.username(), true, e.region(), regionName(e.region()), e.onShift(),
                        e.openAppeals(), e.idleSince(), 0, shifts.offShiftPolicy()))
                .defaultIfEmpty(new ShiftView(jwt.getSubject(), false, region, regionName(region), false, 0, null, 0,
                        shifts.offShiftPolicy()));
    }

    private static String regionName(String region) {
        return Regions.find(region).map(Regions.Region::name).orElse(null);
    }
}
