package ru.rosobr.assistant.intake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final QuietHours hours = new QuietHours(LocalTime.of(8, 0), LocalTime.of(19, 0));

    private static Instant at(String zone, String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ZoneId.of(zone)).toInstant();
    }

    @Test
    void daytimeIsNotHeld() {
        assertThat(hours.holdUntil("58", at("Europe/Moscow", "2025-03-10T08:00"))).isEmpty();
        assertThat(hours.holdUntil("58", at("Europe/Moscow", "2025-03-10T18:59"))).isEmpty();
    }

    @Test
    void eveningWaitsForTomorrowMorning() {
        assertThat(hours.holdUntil("58", at("Europe/Moscow", "2025-03-10T22:00")))
                .contains(at("Europe/Moscow", "2025-03-11T08:00"));
        assertThat(hours.holdUntil("58", at("Europe/Moscow", "2025-03-10T19:00")))
                .contains(at("Europe/Moscow", "2025-03-11T08:00"));
    }

    @Test
    void earlyMorningWaitsForTheSameMorning() {
        assertThat(hours.holdUntil("58", at("Europe/Moscow", "2025-03-10T06:30")))
                .contains(at("Europe/Moscow", "2025-03-10T08:00"));
    }

    @Test
    void theTeachersRegionDecidesNotMoscow() {
        // 12:00 in Moscow is 21:00 in Kamchatka (UTC+12): a Kamchatka teacher waits, a Penza teacher does not
        Instant noonInMoscow = at("Europe/Moscow", "2025-03-10T12:00");
        assertThat(hours.holdUntil("58", noonInMoscow)).isEmpty();
        assertThat(hours.holdUntil("41", noonInMoscow)).contains(at("Asia/Kamchatka", "2025-03-11T08:00"));
        // Kaliningrad (UTC+2) at 07:30 local
        assertThat(hours.holdUntil("39", at("Europe/Kaliningrad", "2025-03-10T07:30")))
                .contains(at("Europe/Kaliningrad", "2025-03-10T08:00"));
    }

    @Test
    void unknownRegionIsMoscowTime() {
        assertThat(hours.holdUntil(null, at("Europe/Moscow", "2025-03-10T23:00")))
                .contains(at("Europe/Moscow", "2025-03-11T08:00"));
    }
}
