package ru.rosobr.assistant.intake.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import ru.rosobr.assistant.platform.calendar.DaytimeWindow;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * School chat etiquette: non-urgent messages (reminders, campaigns) reach a teacher only between 08:00 and 19:00
 * of the teacher's region time zone; outside that window they wait until the next 08:00.
 */
public class QuietHours {

    private final DaytimeWindow window;

    public QuietHours(LocalTime from, LocalTime to) {
        this.window = new DaytimeWindow(from, to);
    }

    /** A teacher whose region is not known yet is treated as being in Moscow time. */
    public static ZoneId zoneOf(String region) {
        return Regions.zoneOf(region);
    }

    /** The moment a non-urgent message may go out, or empty when {@code now} is within the teacher's day. */
    public Optional<Instant> holdUntil(String region, Instant now) {
        Instant allowed = window.nextAllowed(now, zoneOf(region));
        return allowed.equals(now) ? Optional.empty() : Optional.of(allowed);
    }

    /** "08:00–19:00", for reasons shown to people. */
    public String window() {
        return window.toString();
    }
}
