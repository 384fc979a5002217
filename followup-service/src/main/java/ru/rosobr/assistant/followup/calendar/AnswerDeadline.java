package ru.rosobr.assistant.followup.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import ru.rosobr.assistant.platform.calendar.WorkingCalendar;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * The one place the answer deadline of a human-handled appeal is computed: the status message, the timers, the
 * {@code appeal.sla} event the console and the bot read, and {@code GET /api/followup/deadline} all take it from
 * here, so they cannot disagree.
 */
public record AnswerDeadline(WorkingCalendar calendar, int workingDays, int escalationWorkingDays,
                             LocalTime warningTime) {

    /** Moments of one appeal's deadline, all in the region's calendar and time zone. */
    public record Plan(String region, ZoneId zone, LocalDate deadlineDay, Instant deadline, Instant warningAt,
                       Instant escalateAt) {
    }

    public Plan plan(Instant start, String region) {
        return plan(start, region, workingDays);
    }

    /**
     * The day of {@code start} in the region does not count; the appeal is overdue from the midnight after the
     * {@code days}-th working day; the warning is at {@code warningTime} that day; the automatic escalation at the
     * midnight after the {@code escalationWorkingDays}-th working day after the deadline day.
     */
    public Plan plan(Instant start, String region, int days) {
        ZoneId zone = Regions.zoneOf(region);
        LocalDate day = calendar.deadlineDate(start, zone, days);
        Instant deadline = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant warningAt = day.atTime(warningTime).atZone(zone).toInstant();
        Instant escalateAt = calendar.addWorkingDays(day, escalationWorkingDays).plusDays(1).atStartOfDay(zone)
                .toInstant();
        return new Plan(region, zone, day, deadline, warningAt, escalateAt);
    }
}
