package ru.rosobr.assistant.routing.api;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.Viewer;
import ru.rosobr.assistant.routing.assignment.Shifts;
import ru.rosobr.assistant.routing.roster.Roster;
import ru.rosobr.assistant.routing.roster.RosterEntry;

/**
 * {@code GET /api/routing/operators}: the roster (ADMIN, FEDERAL: every region; REGIONAL_HEAD: their own);
 * {@code PUT /api/routing/operators/{username}} (ADMIN): put an operator on the roster, move them, change their shift.
 */
@RestController
@RequestMapping("/api/routing")
public class RosterController {

    /** One operator as the console shows them. */
    public record OperatorView(String username, String region, @Nullable String regionName, boolean onShift,
                               int openAppeals, @Nullable Instant lastAssignedAt, Instant idleSince) {
        static OperatorView of(RosterEntry e) {
            return new OperatorView(e.username(), e.region(),
                    Regions.find(e.region()).map(Regions.Region::name).orElse(null), e.onShift(), e.openAppeals(),
                    e.lastAssignedAt(), e.idleSince());
        }
    }

    /** {@code region} and {@code onShift} are both optional; a new operator needs a region. */
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
    public record OperatorUpdate(String region, Boolean onShift) {
    }

    private final Roster roster;
    private final Shifts shifts;

    public RosterController(Roster roster, Shifts shifts) {
        this.roster = roster;
        this.shifts = shifts;
    }

    @GetMapping("/operators")
    public Flux<OperatorView> operators(@AuthenticationPrincipal Jwt jwt) {
        // a regional head sees their own region only; a token without a region sees nothing
        return Viewer.of(jwt).narrow(null)
                .map(scope -> scope.everyRegion() ? roster.all() : roster.inRegion(scope.region()))
                .orElseGet(Flux::empty)
                .map(OperatorView::of);
    }

    @PutMapping("/operators/{username}")
    public Mono<ShiftController.ShiftView> update(@AuthenticationPrincipal Jwt jwt, @PathVariable String username,
                                                  @RequestBody OperatorUpdate update) {
        String region = update.region() == null || update.region().isBlank() ? null : update.region().trim();
        return shifts.set(username.trim(), region, update.onShift(), jwt.getSubject())
                .map(ShiftController.ShiftView::of);
    }
}
