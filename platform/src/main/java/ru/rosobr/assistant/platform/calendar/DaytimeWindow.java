package ru.rosobr.assistant.platform.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Chat etiquette from school rules: non-urgent messages reach a teacher only between 08:00 and 19:00 of the
 * teacher's local time.
 */
public final class DaytimeWindow {

    public static final LocalTime OPENS = LocalTime.of(8, 0);
    public static final LocalTime CLOSES = LocalTime.of(19, 0);

    private DaytimeWindow() {
    }

    /** {@code t} itself when it falls within 08:00 ≤ local time < 19:00 in {@code zone}; else the next 08:00. */
    public static Instant nextAllowedInstant(Instant t, ZoneId zone) {
        ZonedDateTime local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(OPENS) && time.isBefore(CLOSES)) {
            return t;
        }
        LocalDate day = time.isBefore(OPENS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(OPENS).atZone(zone).toInstant();
    }
}
