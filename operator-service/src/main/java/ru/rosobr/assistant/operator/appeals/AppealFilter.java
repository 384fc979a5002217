package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ru.rosobr.assistant.operator.problems.Problems;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * Filters, search, sorting and paging of the appeal list and its CSV export, already checked.
 *
 * @param statuses empty = every status
 * @param columns  empty = every kanban column (the counters' figures are per column)
 * @param from     createdAt ≥ from (inclusive), or null
 * @param to       createdAt &lt; to (exclusive), or null
 * @param region   only honoured for federal staff and admins; regional staff always get their own region
 * @param q        case-insensitive search in the question and the teacher's name
 */
public record AppealFilter(Set<AppealStatus> statuses, Set<KanbanColumn> columns, Boolean overdue, Instant from,
                           Instant to, Integer rating, String operator, String region, String q, Sort sort, int page,
                           int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** The CSV export takes at most this many rows (the filters narrow it down). */
    public static final int EXPORT_LIMIT = 10_000;

    /** {@code createdAt | -createdAt | deadline | -deadline}. */
    public enum Sort {
        CREATED_ASC("createdAt", "a.created_at asc, a.id"),
        // each order is one index read forwards or backwards; no deadline counts as the latest one
        CREATED_DESC("-createdAt", "a.created_at desc, a.id desc"),
        DEADLINE_ASC("deadline", "a.deadline asc nulls last, a.created_at, a.id"),
        DEADLINE_DESC("-deadline", "a.deadline desc nulls first, a.created_at desc, a.id desc");

        private final String param;
        private final String sql;

        Sort(String param, String sql) {
            this.param = param;
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        static Sort parse(String value) {
            if (value == null || value.isBlank()) {
                return CREATED_DESC;
            }
            for (Sort s : values()) {
                if (s.param.equals(value.trim())) {
                    return s;
                }
            }
            throw Problems.badRequest("Неизвестная сортировка: " + value
                    + ". Допустимые: createdAt, -createdAt, deadline, -deadline");
        }
    }

    public AppealFilter {
        statuses = Set.copyOf(statuses);
        columns = Set.copyOf(columns);
    }

    /** No filters: everything the viewer may see, newest first. */
    public static AppealFilter all() {
        return new AppealFilter(Set.of(), Set.of(), null, null, null, null, null, null, null, Sort.CREATED_DESC, 0,
                DEFAULT_SIZE);
    }

    /**
     * Checks the raw query parameters; a bad one is refused with a Russian reason (400).
     *
     * @param zone where a plain date ({@code 2025-03-01}) starts and ends: the viewer's region
     */
    public static AppealFilter parse(List<String> status, List<String> column, String overdue, String from, String to, String rating,
                                     String operator, String region, String q, String sort, String page,
                                     String size, ZoneId zone) {
        Set<AppealStatus> statuses = new LinkedHashSet<>();
        for (String raw : status == null ? List.<String>of() : status) {
            for (String one : raw.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                statuses.add(AppealStatus.parse(one).orElseThrow(() -> Problems.badRequest("Неизвестный статус: "
                        + one.trim() + ". Допустимые: NEW, IN_PROGRESS, ANSWERED, CLOSED, FEDERAL")));
            }
        }
        Set<KanbanColumn> columns = new LinkedHashSet<>();
        for (String raw : column == null ? List.<String>of() : column) {
            for (String one : raw.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                columns.add(KanbanColumn.parse(one).orElseThrow(() -> Problems.badRequest("Неизвестная колонка: "
                        + one.trim() + ". Допустимые: NEW, IN_PROGRESS, ANSWERED, CLOSED, OVERDUE, FEDERAL")));
            }
        }
        Boolean overdueFlag = null;
        if (!blank(overdue)) {
            String v = overdue.trim().toLowerCase(java.util.Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw Problems.badRequest("Параметр overdue принимает значения true или false");
            }
            overdueFlag = Boolean.valueOf(v);
        }
        Instant fromAt = blank(from) ? null : moment(from.trim(), zone, false, "from");
        Instant toAt = blank(to) ? null : moment(to.trim(), zone, true, "to");
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
            throw Problems.badRequest("Начало периода (from) должно быть раньше конца (to)");
        }
        Integer stars = null;
        if (!blank(rating)) {
            stars = integer(rating, "rating");
            if (stars < 1 || stars > 5) {
                throw Problems.badRequest("Оценка (rating) — число от 1 до 5");
            }
        }
        String regionCode = blank(region) ? null : region.trim();
        if (regionCode != null && !Regions.exists(regionCode)) {
            throw Problems.badRequest("Неизвестный код региона: " + regionCode);
        }
        String search = blank(q) ? null : q.strip();
        if (search != null && search.length() > 200) {
            throw Problems.badRequest("Строка поиска слишком длинная: допускается не более 200 символов");
        }
        int pageNo = blank(page) ? 0 : integer(page, "page");
        int pageSize = blank(size) ? DEFAULT_SIZE : integer(size, "size");
        if (pageNo < 0) {
            throw Problems.badRequest("Номер страницы (page) не может быть отрицательным");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw Problems.badRequest("Размер страницы (size) — от 1 до " + MAX_SIZE);
        }
        return new AppealFilter(statuses, columns, overdueFlag, fromAt, toAt, stars,
                blank(operator) ? null : operator.trim(), regionCode, search, Sort.parse(sort), pageNo, pageSize);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The same filters for the export: every matching row up to the export limit. */
    public AppealFilter forExport() {
        return new AppealFilter(statuses, columns, overdue, from, to, rating, operator, region, q, sort, 0,
                EXPORT_LIMIT);
    }

    /** The same filters over every kanban column (the board picks the columns itself). */
    public AppealFilter withoutColumns() {
        return new AppealFilter(statuses, Set.of(), overdue, from, to, rating, operator, region, q, sort, page, size);
    }

    /** The same filters narrowed to one kanban column (its total and its pages). */
    public AppealFilter inColumn(KanbanColumn column) {
        return new AppealFilter(statuses, Set.of(column), overdue, from, to, rating, operator, region, q, sort, page,
                size);
    }

    private static Instant moment(String value, ZoneId zone, boolean end, String name) {
        try {
            LocalDate day = LocalDate.parse(value);
            // a whole day: «to=2025-03-10» includes the 10th
            return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw Problems.badRequest("Параметр " + name + " — дата (2025-03-01) или момент времени "
                        + "(2025-03-01T09:00:00Z): " + value);
            }
        }
    }

    private static int integer(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.badRequest("Параметр " + name + " должен быть целым числом: " + value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** For the export file name and logs. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!statuses.isEmpty()) {
            parts.add("status=" + statuses);
        }
        if (!columns.isEmpty()) {
            parts.add("column=" + columns);
        }
        if (overdue != null) {
            parts.add("overdue=" + overdue);
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        if (rating != null) {
            parts.add("rating=" + rating);
        }
        if (operator != null) {
            parts.add("operator=" + operator);
        }
        if (region != null) {
            parts.add("region=" + region);
        }
        if (q != null) {
            parts.add("q=" + q);
        }
        return String.join(", ", parts);
    }
}
