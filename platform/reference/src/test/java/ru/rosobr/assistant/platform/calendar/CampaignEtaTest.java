package ru.rosobr.assistant.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CampaignEtaTest {

    private static final DaytimeWindow DAY = DaytimeWindow.STANDARD;

    @Test
    void oneRegionWithinItsDayFinishesAtTheRate() {
        // 08:00 in Moscow; 3600 messages at 1/s
        Instant start = Instant.parse("2026-03-10T05:00:00Z");
        assertThat(CampaignEta.finish(start, Map.of("77", 3600L), 1, DAY)).isEqualTo("2026-03-10T06:00:00Z");
    }

    @Test
    void whatDoesNotFitBefore19WaitsForTheNextMorning() {
        // 18:30 in Moscow: half an hour today, the other half from 08:00 tomorrow
        Instant start = Instant.parse("2026-03-10T15:30:00Z");
        assertThat(CampaignEta.finish(start, Map.of("77", 3600L), 1, DAY)).isEqualTo("2026-03-11T05:30:00Z");
    }

    @Test
    void theBudgetGoesToTheRegionsThatAreAwake() {
        // 10:00 UTC: Kamchatka (UTC+12) is at 22:00 and waits; Kaliningrad (UTC+2) takes the whole rate
        Instant start = Instant.parse("2026-03-10T10:00:00Z");
        Instant end = CampaignEta.finish(start, Map.of("39", 600L, "41", 60L), 1, DAY);
        // Kaliningrad done at 10:10 UTC; Kamchatka opens at 08:00 local = 20:00 UTC, one minute of work
        assertThat(end).isEqualTo("2026-03-10T20:01:00Z");
    }

    @Test
    void nothingLeftIsNowAndNoRateIsNever() {
        Instant now = Instant.parse("2026-03-10T10:00:00Z");
        assertThat(CampaignEta.finish(now, Map.of("77", 0L), 5, DAY)).isEqualTo(now);
        assertThat(CampaignEta.finish(now, Map.of("77", 10L), 0, DAY)).isNull();
    }
}
