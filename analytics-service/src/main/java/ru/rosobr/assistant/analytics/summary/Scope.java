package ru.rosobr.assistant.analytics.summary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;

import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.Viewer;

/**
 * What a statistics request may read: a period (Moscow days, both bounds inclusive, either open) and the one region
 * it is limited to (null: every region). Region isolation is decided here, on the server: a regional user gets
 * their own region whatever they ask for, and asking for another one is refused.
 */
public record Scope(LocalDate from, LocalDate to, String region) {

    private static final Logger log = LoggerFactory.getLogger(Scope.class);

    public static Scope of(Jwt jwt, String from, String to, String region) {
        Viewer viewer = Viewer.of(jwt);
        if (!viewer.seesAllRegions() && !viewer.regional()) {
            throw forbidden(jwt, "В токене нет роли или региона, дающих доступ к статистике.");
        }
        LocalDate fromDay = date("from", from);
        LocalDate toDay = date("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw bad("Начало периода (from) позже его конца (to).");
        }
        if (region != null && !region.isBlank() && !Regions.exists(region)) {
            throw bad("Неизвестный код региона: " + region + ". Ожидается двузначный код, например 58.");
        }
        Viewer.RegionFilter filter = viewer.narrow(region)
                .orElseThrow(() -> forbidden(jwt, "Статистика другого региона недоступна."));
        return new Scope(fromDay, toDay, filter.region());
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
        log.info("statistics request rejected: {}", reason);
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    private static ResponseStatusException forbidden(Jwt jwt, String reason) {
        log.warn("statistics request of {} refused: {}", jwt.getSubject(), reason);
        return new ResponseStatusException(HttpStatus.FORBIDDEN, reason);
    }
}
