package ru.rosobr.assistant.platform.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The 89 federal subjects with their federal district and time zone (project data, from regions.csv). */
public final class Regions {

    /** One federal subject. */
    public record Region(String code, String name, String federalDistrict, ZoneId zone) {
    }

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static final Map<String, Region> BY_CODE = load();

    private Regions() {
    }

    private static Map<String, Region> load() {
        var in = Objects.requireNonNull(Regions.class.getResourceAsStream("/reference/regions.csv"),
                "reference/regions.csv missing");
        Map<String, Region> map = new LinkedHashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                map.put(f[0], new Region(f[0], f[1], f[2], ZoneId.of(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }

    public static Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static Region get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown region code: " + code));
    }

    /** The time zone a teacher of the region lives in; Moscow time when the region is unknown. */
    public static ZoneId zoneOf(String code) {
        return find(code).map(Region::zone).orElse(MOSCOW);
    }

    public static boolean exists(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static Collection<Region> all() {
        return BY_CODE.values().stream().sorted(java.util.Comparator.comparing(Region::code)).toList();
    }
}
