package ru.rosobr.assistant.operator.security;

import java.time.ZoneId;

import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.Viewer;

/** The console's rule for plain dates in filters: days of the viewer's region (Moscow time for federal staff). */
public final class ViewerZone {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private ViewerZone() {
    }

    public static ZoneId of(Viewer viewer) {
        return Regions.find(viewer.region()).map(Regions.Region::zone).orElse(MOSCOW);
    }
}
