package ru.rosobr.assistant.operator.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import ru.rosobr.assistant.operator.problems.Problems;
import ru.rosobr.assistant.operator.security.ViewerZone;
import ru.rosobr.assistant.platform.security.Viewer;

/** {@code GET /api/console/audit}: the audit log, newest first, as far as the viewer may see it. */
@RestController
@RequestMapping("/api/console")
public class AuditController {

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    public Flux<AuditEntry> audit(@AuthenticationPrincipal Jwt jwt,
                                  @RequestParam(required = false) String appealId,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(defaultValue = "100") int limit) {
        Viewer viewer = Viewer.of(jwt);
        return audit.readBy(viewer, blankToNull(appealId), blankToNull(actor), blankToNull(action),
                day(from, "from", ViewerZone.of(viewer), 0), day(to, "to", ViewerZone.of(viewer), 1), limit);
    }

    /** A date of the filter as the start of that day ({@code plusDays} 1: of the next day) in the zone. */
    private static Instant day(String value, String name, ZoneId zone, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("Параметр " + name + " — дата вида 2025-03-01: " + value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
