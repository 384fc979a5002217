package ru.rosobr.assistant.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final WorkingCalendar CALENDAR = WorkingCalendar.fromClasspath();

    /** Noon in Moscow on the given day. */
    private static Instant moscowNoon(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(MOSCOW).toInstant();
    }

    @Test
    void theShippedCalendarCoversTheDecreedYears() {
        assertThat(CALENDAR.coveredYears()).containsExactlyInAnyOrder(2025, 2026);
    }

    @Test
    void questionOnFridayBeforeNewYearIsDueAfterTheWinterHolidays() {
        // Fri 26.12.2025: Mon 29 (1), Tue 30 (2), 31.12 off by transfer, 1–11.01 off, Mon 12 (3), Tue 13 (4), Wed 14 (5)
        Instant start = moscowNoon("2025-12-26");
        assertThat(CALENDAR.deadlineDate(start, MOSCOW, 5)).isEqualTo(LocalDate.parse("2026-01-14"));
        assertThat(CALENDAR.deadline(start, MOSCOW, 5)).isEqualTo(Instant.parse("2026-01-14T21:00:00Z"));
    }

    @Test
    void eighthOfMarchOnSundayMovesToMonday() {
        // Fri 06.03.2026; Sun 08.03 is transferred to Mon 09.03
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-09"))).isFalse();
        assertThat(CALENDAR.deadlineDate(moscowNoon("2026-03-06"), MOSCOW, 5)).isEqualTo(LocalDate.parse("2026-03-16"));
    }

    @Test
    void unityDayIsSkipped() {
        // Tue 03.11.2026 and Wed 04.11.2026 (holiday): both lead to Wed 11.11
        assertThat(CALENDAR.deadlineDate(moscowNoon("2026-11-03"), MOSCOW, 5)).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(CALENDAR.deadlineDate(moscowNoon("2026-11-04"), MOSCOW, 5)).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(CALENDAR.deadlineDate(moscowNoon("2026-11-02"), MOSCOW, 5)).isEqualTo(LocalDate.parse("2026-11-10"));
    }

    @Test
    void aListedWorkingSaturdayCounts() {
        // Sat 01.11.2025 is a working day (transfer to Mon 03.11); 03.11 and 04.11 are off
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-11-01"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-11-03"))).isFalse();
        assertThat(CALENDAR.deadlineDate(moscowNoon("2025-10-31"), MOSCOW, 5)).isEqualTo(LocalDate.parse("2025-11-10"));
    }

    @Test
    void plainWeekendsAndWeekdaysOfCoveredYears() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-04-11"))).isFalse(); // Saturday
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-04-12"))).isFalse(); // Sunday
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-04-13"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-05-11"))).isFalse(); // 9 May on Saturday, moved
    }

    @Test
    void theLocalDayOfTheRegionDecides() {
        // 20:30 UTC on Thu 05.03.2026 is still Thursday in Moscow but already Friday morning in Kamchatka
        Instant start = Instant.parse("2026-03-05T20:30:00Z");
        assertThat(CALENDAR.deadlineDate(start, MOSCOW, 5)).isEqualTo(LocalDate.parse("2026-03-13"));
        ZoneId kamchatka = ZoneId.of("Asia/Kamchatka");
        assertThat(CALENDAR.deadlineDate(start, kamchatka, 5)).isEqualTo(LocalDate.parse("2026-03-16"));
        assertThat(CALENDAR.deadline(start, kamchatka, 5)).isEqualTo(Instant.parse("2026-03-16T12:00:00Z"));
    }

    @Test
    void yearsWithoutADecreeFollowTheLabourCode() {
        // 2027: 1 May is a Saturday -> Mon 3 May off; 9 May a Sunday -> Mon 10 May; 12 June a Saturday -> Mon 14 June
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-05-03"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-05-04"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-05-10"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-06-14"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-02-23"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-03-08"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-11-04"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-11-05"))).isTrue();
        // January holidays on a weekend are not moved without a decree
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-01-08"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-01-11"))).isTrue();
        // 2028: 4 November is a Saturday -> Mon 6 November off
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2028-11-06"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2028-11-07"))).isTrue();
    }

    @Test
    void aDeadlineRunsFromTheDecreedYearIntoTheStatutoryOne() {
        // Mon 28.12.2026: Tue 29 (1), Wed 30 (2), 31.12 off, 1–10.01.2027 off, Mon 11 (3), Tue 12 (4), Wed 13 (5)
        assertThat(CALENDAR.deadlineDate(moscowNoon("2026-12-28"), MOSCOW, 5)).isEqualTo(LocalDate.parse("2027-01-13"));
    }

    @Test
    void aQuestionOnADayOffCountsFromTheNextWorkingDay() {
        // Sat 14.03.2026: Mon 16 (1) … Fri 20 (5)
        assertThat(CALENDAR.deadlineDate(moscowNoon("2026-03-14"), MOSCOW, 5)).isEqualTo(LocalDate.parse("2026-03-20"));
    }

    @Test
    void malformedCalendarsAreRejected() {
        assertThatThrownBy(() -> WorkingCalendar.parse(new StringReader("date,kind,note\n2026-01-01,holiday,x\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("off or work");
        assertThatThrownBy(() -> WorkingCalendar.parse(new StringReader("date,kind,note\n2026-13-01,off,x\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad date");
        assertThatThrownBy(() -> WorkingCalendar.parse(new StringReader("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParsedCalendarAppliesItsOwnEntries() {
        WorkingCalendar c = WorkingCalendar.parse(new StringReader(
                "date,kind,note\n2030-06-11,off,перенос, с запятой в примечании\n2030-06-15,work,рабочая суббота\n"));
        assertThat(c.coveredYears()).containsExactly(2030);
        assertThat(c.isWorkingDay(LocalDate.parse("2030-06-11"))).isFalse();
        assertThat(c.isWorkingDay(LocalDate.parse("2030-06-15"))).isTrue();
        // a covered year uses only its listed days: 12 June is not listed in this file, so it is a working Wednesday
        assertThat(c.isWorkingDay(LocalDate.parse("2030-06-12"))).isTrue();
    }
}
