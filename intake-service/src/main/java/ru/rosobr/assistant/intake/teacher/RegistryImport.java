package ru.rosobr.assistant.intake.teacher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.platform.input.TextInput;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * Reads a registry import — a JSON list of {@code {"channel","platformUserId","fio","region","orgType"}} or a CSV
 * with the header {@code channel,platformUserId,fio,region,orgType} — and checks every row. An import with any bad
 * row is refused as a whole, with every bad row's number and reason, so that nothing is half-imported.
 */
public final class RegistryImport {

    public static final List<String> COLUMNS = List.of("channel", "platformUserId", "fio", "region", "orgType");
    public static final int MAX_ROWS = 200_000;
    public static final int MAX_FIO = 300;
    private static final Pattern USER_ID = Pattern.compile("\\d{1,20}");
    /** Problems are reported up to this many rows: enough to fix a file, small enough to read. */
    private static final int MAX_PROBLEMS = 100;

    /** A bad row: its number (a JSON list's element from 1; a CSV file's line, the header being line 1). */
    public record RowProblem(int row, String reason) {
    }

    /** The checked rows, or the problems. */
    public record Parsed(List<RegistryEntry> entries, List<RowProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The whole body cannot be read (not JSON, not a list, no CSV header). */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private RegistryImport() {
    }

    public static Parsed fromJson(String body) {
        JsonNode root;
        try {
            root = EventCodec.mapper().readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new Unreadable("Некорректный JSON: ожидается список педагогов "
                    + "[{\"channel\",\"platformUserId\",\"fio\",\"region\",\"orgType\"}]");
        }
        if (root == null || !root.isArray()) {
            throw new Unreadable("Ожидается JSON-список педагогов "
                    + "[{\"channel\",\"platformUserId\",\"fio\",\"region\",\"orgType\"}]");
        }
        Rows rows = new Rows();
        int n = 0;
        for (JsonNode item : root) {
            n++;
            if (!item.isObject()) {
                rows.problem(n, "ожидается объект с полями " + String.join(", ", COLUMNS));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            boolean bad = false;
            for (String column : COLUMNS) {
                JsonNode value = item.get(column);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (value.isString() || value.isIntegralNumber()) {
                    fields.put(column, value.asString());
                } else {
                    rows.problem(n, "поле " + column + " должно быть строкой");
                    bad = true;
                    break;
                }
            }
            if (!bad) {
                rows.check(n, fields);
            }
        }
        return rows.result();
    }

    public static Parsed fromCsv(String body) {
        String text = body == null ? "" : body.startsWith("\uFEFF") ? body.substring(1) : body;
        int firstLineEnd = text.indexOf('\n');
        List<org.apache.commons.csv.CSVRecord> records;
        try (var parser = org.apache.commons.csv.CSVParser.parse(text,
                csvFormat(firstLineEnd < 0 ? text : text.substring(0, firstLineEnd)))) {
            records = parser.getRecords();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new Unreadable("CSV не читается: " + e.getMessage());
        }
        if (records.isEmpty() || records.getFirst().stream().allMatch(String::isBlank)) {
            throw new Unreadable("Пустой CSV: ожидается заголовок " + String.join(",", COLUMNS) + " и строки");
        }
        Map<String, Integer> index = columns(records.getFirst().toList(), "CSV");
        Rows rows = new Rows();
        for (int line = 1; line < records.size(); line++) {
            org.apache.commons.csv.CSVRecord cells = records.get(line);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.check(line + 1, fields(index, i -> i < cells.size() ? cells.get(i) : null));
        }
        return rows.result();
    }

    /** A bad field of a row: the column and why (in Russian). */
    public record FieldProblem(String field, String reason) {
    }

    /** A row checked: the entry, or what is wrong with it. */
    public record Checked(RegistryEntry entry, List<FieldProblem> problems) {
    }

    /**
     * Checks rows one by one and remembers the teachers seen, so that a teacher named twice in one file is
     * reported at the second row.
     */
    public static final class RowChecker {
        private final Map<String, Integer> seen = new HashMap<>();

        public Checked check(int row, Map<String, String> f) {
            List<FieldProblem> problems = new ArrayList<>();
            Channel channel = channel(f.get("channel"));
            if (channel == null) {
                problems.add(new FieldProblem("channel", "channel должен быть MAX или VK"));
            }
            String user = strip(f.get("platformUserId"));
            if (user == null) {
                problems.add(new FieldProblem("platformUserId", "не указан platformUserId"));
            } else if (!USER_ID.matcher(user).matches()) {
                problems.add(new FieldProblem("platformUserId",
                        "platformUserId должен быть числом — идентификатором пользователя на платформе"));
            }
            String fio = strip(f.get("fio"));
            if (fio == null) {
                problems.add(new FieldProblem("fio", "не указаны ФИО (fio)"));
            } else if (fio.length() > MAX_FIO) {
                problems.add(new FieldProblem("fio", "ФИО длиннее " + MAX_FIO + " символов"));
            } else if (TextInput.hasNul(fio)) {
                problems.add(new FieldProblem("fio", "ФИО " + TextInput.NUL_REASON));
            }
            String regionGiven = strip(f.get("region"));
            String region = region(regionGiven);
            if (regionGiven != null && region == null) {
                problems.add(new FieldProblem("region", "неизвестный код региона «" + regionGiven + "»"));
            }
            OrgType orgType = orgType(f.get("orgType"));
            if (orgType == null) {
                problems.add(new FieldProblem("orgType", "orgType должен быть SCHOOL (школа), SPO (СПО) или DOO (ДОО)"));
            }
            if (channel != null && user != null) {
                Integer first = seen.putIfAbsent(channel + ":" + user, row);
                if (first != null) {
                    problems.add(new FieldProblem("platformUserId",
                            "педагог " + channel + " " + user + " уже указан в строке " + first));
                }
            }
            return problems.isEmpty() ? new Checked(new RegistryEntry(channel, user, fio, region, orgType), List.of())
                    : new Checked(null, List.copyOf(problems));
        }
    }

    /** Collects checked rows and problems. */
    private static final class Rows {
        private final List<RegistryEntry> entries = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private final RowChecker checker = new RowChecker();
        private int count;

        void problem(int row, String reason) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new RowProblem(row, reason));
            }
        }

        void check(int row, Map<String, String> f) {
            if (++count > MAX_ROWS) {
                if (count == MAX_ROWS + 1) {
                    problem(row, "слишком много строк: не больше " + MAX_ROWS + " за одну загрузку");
                }
                return;
            }
            Checked checked = checker.check(row, f);
            if (checked.entry() == null) {
                problem(row, checked.problems().stream().map(FieldProblem::reason)
                        .collect(java.util.stream.Collectors.joining("; ")));
                return;
            }
            entries.add(checked.entry());
        }

        Parsed result() {
            if (count == 0 && problems.isEmpty()) {
                throw new Unreadable("В загрузке нет ни одного педагога");
            }
            return problems.isEmpty() ? new Parsed(List.copyOf(entries), List.of())
                    : new Parsed(List.of(), List.copyOf(problems));
        }
    }

    private static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static Channel channel(String s) {
        String t = strip(s);
        if (t == null) {
            return null;
        }
        return switch (t.toUpperCase(Locale.ROOT)) {
            case "MAX" -> Channel.MAX;
            case "VK" -> Channel.VK;
            default -> null;
        };
    }

    /** A two-digit code of the reference; a single digit is read as its zero-padded code ("5" → "05"). */
    static String region(String s) {
        if (s == null) {
            return null;
        }
        String code = s.length() == 1 ? "0" + s : s;
        return Regions.exists(code) ? code : null;
    }

    static OrgType orgType(String s) {
        String t = strip(s);
        if (t == null) {
            return null;
        }
        return switch (t.toUpperCase(Locale.forLanguageTag("ru"))) {
            case "SCHOOL", "ШКОЛА" -> OrgType.SCHOOL;
            case "SPO", "СПО" -> OrgType.SPO;
            case "DOO", "ДОО" -> OrgType.DOO;
            default -> null;
        };
    }

    /**
     * Where each registry column is in a header row. Besides the API names the Russian ones a person types in a
     * spreadsheet are understood («канал», «ФИО», «регион», «тип организации», «идентификатор»).
     */
    public static Map<String, Integer> columns(List<String> header, String format) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.forLanguageTag("ru"))
                    .replace('ё', 'е');
            for (String column : COLUMNS) {
                if (column.toLowerCase(Locale.ROOT).equals(name) || ALIASES.get(column).contains(name)) {
                    index.putIfAbsent(column, i);
                }
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable("В заголовке " + format + " нет столбцов: " + String.join(", ", missing)
                    + " (ожидается " + String.join(",", COLUMNS) + ")");
        }
        return index;
    }

    private static final Map<String, List<String>> ALIASES = Map.of(
            "channel", List.of("канал", "мессенджер"),
            "platformUserId", List.of("идентификатор", "id", "id пользователя", "platform_user_id"),
            "fio", List.of("фио", "ф.и.о."),
            "region", List.of("регион", "код региона"),
            "orgType", List.of("тип организации", "тип оо", "org_type"));

    /** A row's cells by column name. */
    public static Map<String, String> fields(Map<String, Integer> columns, java.util.function.IntFunction<String> cell) {
        Map<String, String> fields = new HashMap<>();
        for (var c : columns.entrySet()) {
            fields.put(c.getKey(), cell.apply(c.getValue()));
        }
        return fields;
    }

    /**
     * Excel in a Russian locale writes ';': the delimiter is whichever of ',' and ';' the header line has (',' when
     * both or neither).
     */
    public static org.apache.commons.csv.CSVFormat csvFormat(String headerLine) {
        char delimiter = headerLine.indexOf(',') < 0 && headerLine.indexOf(';') >= 0 ? ';' : ',';
        // empty lines are kept (and skipped as rows) so that a row's number is its line in the file
        return org.apache.commons.csv.CSVFormat.RFC4180.builder().setDelimiter(delimiter)
                .setIgnoreEmptyLines(false).get();
    }
}
