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
import ru.rosobr.assistant.platform.json.EventCodec;
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
        List<List<String>> lines = Csv.parse(body == null ? "" : body);
        if (lines.isEmpty()) {
            throw new Unreadable("Пустой CSV: ожидается заголовок " + String.join(",", COLUMNS) + " и строки");
        }
        List<String> header = lines.getFirst().stream().map(h -> h.strip()).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            for (String column : COLUMNS) {
                if (column.equalsIgnoreCase(header.get(i))) {
                    index.put(column, i);
                }
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable("В заголовке CSV нет столбцов: " + String.join(", ", missing) + " (ожидается "
                    + String.join(",", COLUMNS) + ")");
        }
        Rows rows = new Rows();
        for (int line = 1; line < lines.size(); line++) {
            List<String> cells = lines.get(line);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String column : COLUMNS) {
                int i = index.get(column);
                fields.put(column, i < cells.size() ? cells.get(i) : null);
            }
            rows.check(line + 1, fields);
        }
        return rows.result();
    }

    /** Collects checked rows and problems. */
    private static final class Rows {
        private final List<RegistryEntry> entries = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
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
            List<String> reasons = new ArrayList<>();
            Channel channel = channel(f.get("channel"));
            if (channel == null) {
                reasons.add("channel должен быть MAX или VK");
            }
            String user = strip(f.get("platformUserId"));
            if (user == null) {
                reasons.add("не указан platformUserId");
            } else if (!USER_ID.matcher(user).matches()) {
                reasons.add("platformUserId должен быть числом — идентификатором пользователя на платформе");
            }
            String fio = strip(f.get("fio"));
            if (fio == null) {
                reasons.add("не указаны ФИО (fio)");
            } else if (fio.length() > MAX_FIO) {
                reasons.add("ФИО длиннее " + MAX_FIO + " символов");
            } else if (TextInput.hasNul(fio)) {
                reasons.add("ФИО " + TextInput.NUL_REASON);
            }
            String region = region(strip(f.get("region")));
            if (strip(f.get("region")) != null && region == null) {
                reasons.add("неизвестный код региона «" + strip(f.get("region")) + "»");
            }
            OrgType orgType = orgType(f.get("orgType"));
            if (orgType == null) {
                reasons.add("orgType должен быть SCHOOL (школа), SPO (СПО) или DOO (ДОО)");
            }
            if (channel != null && user != null) {
                Integer first = seen.putIfAbsent(channel + ":" + user, row);
                if (first != null) {
                    reasons.add("педагог " + channel + " " + user + " уже указан в строке " + first);
                }
            }
            if (!reasons.isEmpty()) {
                problem(row, String.join("; ", reasons));
                return;
            }
            entries.add(new RegistryEntry(channel, user, fio, region, orgType));
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

    /** RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF; ',' or ';' (Excel in a Russian locale). */
    static final class Csv {

        private Csv() {
        }

        static List<List<String>> parse(String text) {
            String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
            int firstLineEnd = s.indexOf('\n');
            String first = firstLineEnd < 0 ? s : s.substring(0, firstLineEnd);
            char delimiter = first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
            List<List<String>> lines = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                    continue;
                }
                if (c == '"') {
                    quoted = true;
                    any = true;
                } else if (c == delimiter) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    cells.add(cell.toString());
                    lines.add(cells);
                    cells = new ArrayList<>();
                    cell.setLength(0);
                    any = false;
                } else {
                    cell.append(c);
                    any = true;
                }
            }
            if (any || cell.length() > 0) {
                cells.add(cell.toString());
                lines.add(cells);
            }
            return lines;
        }
    }
}
