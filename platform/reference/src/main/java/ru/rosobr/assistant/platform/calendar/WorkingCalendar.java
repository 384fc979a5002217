package ru.rosobr.assistant.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Russian production calendar: which days are working days.
 *
 * <p>For the years listed in the calendar file a weekday is working unless listed {@code off}, and a Saturday or
 * Sunday is off unless listed {@code work} (a transferred working day). Years the file does not cover (a decree
 * not yet loaded) follow Labour Code art. 112: the statutory holidays are off, and a holiday falling on a weekend
 * moves to the next working day — except the January holidays, whose transfer only a decree decides.
 *
 * <p>Immutable and thread-safe; the statutory years are computed once on first use. Shared by followup-service
 * (deadlines, overdue timers) and operator-service (the deadline shown in the console), so both agree.
 */
public final class WorkingCalendar {

    /** Where the project keeps its copy of the calendar (platform module). */
    public static final String RESOURCE = "/reference/production-calendar.csv";

    private static final List<LocalDateShape> STATUTORY = List.of(
            new LocalDateShape(Month.JANUARY, 1), new LocalDateShape(Month.JANUARY, 2),
            new LocalDateShape(Month.JANUARY, 3), new LocalDateShape(Month.JANUARY, 4),
            new LocalDateShape(Month.JANUARY, 5), new LocalDateShape(Month.JANUARY, 6),
            new LocalDateShape(Month.JANUARY, 7), new LocalDateShape(Month.JANUARY, 8),
            new LocalDateShape(Month.FEBRUARY, 23), new LocalDateShape(Month.MARCH, 8),
            new LocalDateShape(Month.MAY, 1), new LocalDateShape(Month.MAY, 9),
            new LocalDateShape(Month.JUNE, 12), new LocalDateShape(Month.NOVEMBER, 4));

    private record LocalDateShape(Month month, int day) {
        LocalDate in(int year) {
            return LocalDate.of(year, month, day);
        }
    }

    /** Days that differ from the plain Mon–Fri rule in the covered years: true = working, false = off. */
    private final Map<LocalDate, Boolean> listed;
    private final Set<Integer> coveredYears;
    private final Map<Integer, Set<LocalDate>> statutoryOff = new ConcurrentHashMap<>();

    private WorkingCalendar(Map<LocalDate, Boolean> listed) {
        this.listed = Map.copyOf(listed);
        Set<Integer> years = new TreeSet<>();
        listed.keySet().forEach(d -> years.add(d.getYear()));
        this.coveredYears = Set.copyOf(years);
    }

    /** The calendar shipped with the project. */
    public static WorkingCalendar fromClasspath() {
        var in = Objects.requireNonNull(WorkingCalendar.class.getResourceAsStream(RESOURCE),
                RESOURCE + " missing from the classpath");
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code date,kind,note} lines (header first); kind is {@code off} or {@code work}. */
    public static WorkingCalendar parse(Reader source) {
        Map<LocalDate, Boolean> listed = new HashMap<>();
        try (var reader = new BufferedReader(source)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("date,kind")) {
                throw new IllegalArgumentException("production calendar: header 'date,kind,note' expected");
            }
            int lineNo = 1;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 3);
                if (f.length < 2) {
                    throw new IllegalArgumentException("production calendar line " + lineNo + ": " + line);
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(f[0].trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("production calendar line " + lineNo + ": bad date " + f[0]);
                }
                switch (f[1].trim()) {
                    case "off" -> listed.put(date, false);
                    case "work" -> listed.put(date, true);
                    default -> throw new IllegalArgumentException(
                            "production calendar line " + lineNo + ": kind must be off or work: " + f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkingCalendar(listed);
    }

    /** Years the decreed calendar covers; other years follow the statutory rule. */
    public Set<Integer> coveredYears() {
        return coveredYears;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (coveredYears.contains(day.getYear())) {
            Boolean listedDay = listed.get(day);
            return listedDay != null ? listedDay : !isWeekend(day);
        }
        return !isWeekend(day) && !statutoryOff.computeIfAbsent(day.getYear(), WorkingCalendar::statutoryOffDays)
                .contains(day);
    }

    /** The {@code workingDays}-th working day after {@code start} (the start day itself does not count). */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate day = start;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The last day to answer an appeal that arrived at {@code start}: the {@code workingDays}-th working day after
     * the local day of arrival in {@code zone} (the teacher's region).
     */
    public LocalDate deadlineDate(Instant start, ZoneId zone, int workingDays) {
        return addWorkingDays(LocalDate.ofInstant(start, zone), workingDays);
    }

    /**
     * The moment the deadline passes: midnight (in {@code zone}) at the end of {@link #deadlineDate}, so an answer
     * given at any time on the last day is in time.
     */
    public Instant deadline(Instant start, ZoneId zone, int workingDays) {
        return deadlineDate(start, zone, workingDays).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    /** Art. 112 of the Labour Code for a year no decree has been loaded for. */
    private static Set<LocalDate> statutoryOffDays(int year) {
        Set<LocalDate> off = new HashSet<>();
        STATUTORY.forEach(h -> off.add(h.in(year)));
        for (LocalDateShape shape : STATUTORY) {
            LocalDate holiday = shape.in(year);
            // January holidays on a weekend are transferred only by decree (art. 112 part 2)
            if (holiday.getMonth() == Month.JANUARY || !isWeekend(holiday)) {
                continue;
            }
            LocalDate next = holiday.plusDays(1);
            while (isWeekend(next) || off.contains(next)) {
                next = next.plusDays(1);
            }
            off.add(next);
        }
        return Set.copyOf(off);
    }
}
