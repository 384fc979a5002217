package ru.rosobr.assistant.followup.calendar;

import java.time.ZoneId;

import ru.rosobr.assistant.platform.reference.Regions;

/** The time zone a teacher lives in, from the region code; Moscow time when the region is unknown. */
public final class RegionZones {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private RegionZones() {
    }

    public static ZoneId zoneOf(String region) {
        return Regions.find(region).map(Regions.Region::zone).orElse(MOSCOW);
    }
}
