package ru.rosobr.assistant.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.platform.reference.Regions;

class DaytimeWindowTest {

    private static final ZoneId MOSCOW = Regions.get("58").zone();
    private static final ZoneId KALININGRAD = Regions.get("39").zone();
    private static final ZoneId KAMCHATKA = Regions.get("41").zone();
    private static final ZoneId VLADIVOSTOK = Regions.get("25").zone();

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void daytimeStaysAsItIs() {
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T09:00:00Z"), MOSCOW)) // 12:00 MSK
                .isEqualTo(at("2026-03-10T09:00:00Z"));
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T05:00:00Z"), MOSCOW)) // 08:00 sharp
                .isEqualTo(at("2026-03-10T05:00:00Z"));
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T15:59:59Z"), MOSCOW)) // 18:59:59
                .isEqualTo(at("2026-03-10T15:59:59Z"));
    }

    @Test
    void earlyMorningWaitsForEightTheSameDay() {
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T04:59:00Z"), MOSCOW)) // 07:59 MSK
                .isEqualTo(at("2026-03-10T05:00:00Z"));
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-09T21:30:00Z"), MOSCOW)) // 00:30 MSK on the 10th
                .isEqualTo(at("2026-03-10T05:00:00Z"));
    }

    @Test
    void eveningWaitsForEightNextDay() {
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T16:00:00Z"), MOSCOW)) // 19:00 sharp
                .isEqualTo(at("2026-03-11T05:00:00Z"));
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T17:30:00Z"), KALININGRAD)) // 19:30 UTC+2
                .isEqualTo(at("2026-03-11T06:00:00Z"));
    }

    @Test
    void theSameInstantIsDayInOneRegionAndEveningInAnother() {
        Instant noonMoscow = at("2026-03-10T09:00:00Z");
        assertThat(DaytimeWindow.nextAllowedInstant(noonMoscow, KALININGRAD)).isEqualTo(noonMoscow); // 11:00
        assertThat(DaytimeWindow.nextAllowedInstant(noonMoscow, MOSCOW)).isEqualTo(noonMoscow); // 12:00
        assertThat(DaytimeWindow.nextAllowedInstant(noonMoscow, VLADIVOSTOK)).isAfter(noonMoscow); // 19:00 local
    }

    @Test
    void farEastEveningsAndNights() {
        // 09:00 UTC is 19:00 in Vladivostok (UTC+10): next 08:00 local = 22:00 UTC the same day
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T09:00:00Z"), VLADIVOSTOK))
                .isEqualTo(at("2026-03-10T22:00:00Z"));
        // 09:00 UTC is 21:00 in Kamchatka (UTC+12): next 08:00 local = 20:00 UTC the same day
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T09:00:00Z"), KAMCHATKA))
                .isEqualTo(at("2026-03-10T20:00:00Z"));
        // 19:00 UTC is 07:00 next morning in Kamchatka: one hour to wait
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T19:00:00Z"), KAMCHATKA))
                .isEqualTo(at("2026-03-10T20:00:00Z"));
        // 22:00 UTC is 10:00 in Kamchatka: allowed at once
        assertThat(DaytimeWindow.nextAllowedInstant(at("2026-03-10T22:00:00Z"), KAMCHATKA))
                .isEqualTo(at("2026-03-10T22:00:00Z"));
    }
}
