package ru.rosobr.assistant.platform.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Chat etiquette from school rules: non-urgent messages reach a teacher only within the day window of the teacher's
 * local time — 08:00 to 19:00 unless configured otherwise. Shared by followup-service (when a reminder falls due)
 * and intake-service (holding non-urgent deliveries).
 */
public record DaytimeWindow(LocalTime opens, LocalTime closes) {

    public static final LocalTime OPENS = LocalTime.of(8, 0);
    public static final LocalTime CLOSES = LocalTime.of(19, 0);
    public static final DaytimeWindow STANDARD = new DaytimeWindow(OPENS, CLOSES);

    public DaytimeWindow {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("the day window must open before it closes: " + opens + "–" + closes);
        }
    }

    /** {@code t} itself when it falls within the window in {@code zone}; else the next opening. */
    public Instant nextAllowed(Instant t, ZoneId zone) {
        ZonedDateTime local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(opens) && time.isBefore(closes)) {
            return t;
        }
        LocalDate day = time.isBefore(opens) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(opens).atZone(zone).toInstant();
    }

    /** The standard 08:00–19:00 window. */
    public static Instant nextAllowedInstant(Instant t, ZoneId zone) {
        return STANDARD.nextAllowed(t, zone);
    }

    /** "08:00–19:00", for reasons shown to people. */
    @Override
    public String toString() {
        return opens + "–" + closes;
    }
}
