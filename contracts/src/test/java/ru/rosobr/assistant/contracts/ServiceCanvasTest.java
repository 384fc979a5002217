package ru.rosobr.assistant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service README's canvas («Канва») tells what the code does: the topics it lists under «Потребляет» are the
 * registry's topics that service reads, those under «Публикует» the ones it writes (each service's
 * TopicSubscriptionsTest keeps the registry's readers equal to its subscriptions), and «Хранит» names every table
 * its Flyway migrations leave behind and no table they do not.
 *
 * <p>A topic or table counts as listed where it opens an entry: a row of a table under the heading, or an item of
 * the canvas row (items end at «;», and for topics also at «,», outside brackets). Topics and tables mentioned in
 * passing inside an entry's explanation do not count either way.
 */
class ServiceCanvasTest {

    private static final Path ROOT = Path.of("..");
    /** The tables every service with a database has from the platform's own migration (listing them is optional). */
    private static final Path PLATFORM_MIGRATIONS = ROOT.resolve("platform/messaging/src/main/resources/db/platform");

    private static final Pattern CANVAS_ROW = Pattern.compile("^\\|\\s*\\*\\*([^*]+)\\*\\*[^|]*\\|(.*)\\|\\s*$");
    private static final Pattern LABEL_LINE = Pattern.compile("^\\*\\*([^*]+)\\*\\*(.*)$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|([^|]*)\\|");
    private static final Pattern SEPARATOR_ROW = Pattern.compile("^\\|\\s*-");
    private static final Pattern LEADING_CODE = Pattern.compile("^`([^`]+)`");
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-z][a-z-]*(\\.[a-z][a-z-]*)*\\.v\\d+");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern DROP_TABLE = Pattern.compile("drop\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)");
    private static final Pattern RENAME_TABLE = Pattern.compile(
            "alter\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)\\s+rename\\s+to\\s+(\\w+)");

    enum Part {
        CONSUMES("потребляет"), EMITS("публикует"), STORES("хранит");

        final String word;

        Part(String word) {
            this.word = word;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Topics.INTAKE, Topics.ANSWER, Topics.ROUTING, Topics.OPERATOR, Topics.FOLLOWUP,
            Topics.ANALYTICS, Topics.GATEWAY})
    void canvasMatchesTheRegistryAndTheMigrations(String service) throws IOException {
        Map<Part, Set<String>> canvas = canvas(read(ROOT.resolve(service).resolve("README.md")));

        assertThat(topics(canvas.get(Part.CONSUMES)))
                .as("%s README, «Потребляет»: the registry's topics it reads", service)
                .isEqualTo(names(Topics.readBy(service)));
        assertThat(topics(canvas.get(Part.EMITS)))
                .as("%s README, «Публикует»: the registry's topics it writes", service)
                .isEqualTo(names(Topics.writtenBy(service)));

        Set<String> own = tables(ROOT.resolve(service).resolve("src/main/resources/db/migration"));
        Set<String> allowed = new TreeSet<>(own);
        if (!own.isEmpty()) {
            allowed.addAll(tables(PLATFORM_MIGRATIONS));
        }
        Set<String> listed = canvas.get(Part.STORES);
        assertThat(listed).as("%s README, «Хранит»: every table of its migrations", service).containsAll(own);
        assertThat(allowed).as("%s README, «Хранит»: only tables its migrations create", service)
                .containsAll(listed);
    }

    @Test
    void readsTheCanvasShapesTheReadmesUse() {
        String readme = """
                ## Канва сервиса

                | | |
                |---|---|
                | **Потребляет** | `a.v1` — первое (`NEW`, `b.v1` в скобках), второе; `c.v1` (пишет x) — то же `d.v1` |
                | **Публикует** | `e.v1` (когда), `f.v1` |
                | **Хранит** | `t1` (столбцы `x`, `y`); `t2`; в `t1` — `z`, `w` |

                **Потребляет** (Kafka)

                | топик | что делает |
                |---|---|
                | `g.v1` (G) | `h.v1` не считается |

                **Хранит** (схема `s`)

                | таблица | содержимое |
                |---|---|
                | `t3`, `t4` | `(a, b)` уникален |

                ## Дальше
                | **Публикует** | `z.v1` |
                """;
        Map<Part, Set<String>> canvas = canvas(readme);
        assertThat(canvas.get(Part.CONSUMES)).containsExactlyInAnyOrder("a.v1", "c.v1", "g.v1");
        assertThat(canvas.get(Part.EMITS)).containsExactlyInAnyOrder("e.v1", "f.v1");
        assertThat(canvas.get(Part.STORES)).containsExactlyInAnyOrder("t1", "t2", "t3", "t4");
    }

    /** What the canvas section lists under each part. */
    static Map<Part, Set<String>> canvas(String readme) {
        Map<Part, Set<String>> listed = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            listed.put(p, new TreeSet<>());
        }
        List<Part> current = List.of();
        boolean inCanvas = false;
        for (String line : readme.split("\n", -1)) {
            if (line.startsWith("## ")) {
                inCanvas = line.startsWith("## Канва");
                current = List.of();
                continue;
            }
            if (!inCanvas) {
                continue;
            }
            Matcher row = CANVAS_ROW.matcher(line);
            Matcher label = LABEL_LINE.matcher(line);
            if (row.matches() || label.matches()) {
                List<Part> parts = parts(row.matches() ? row.group(1) : label.group(1));
                if (row.matches()) {
                    for (Part p : parts) {
                        listed.get(p).addAll(leading(row.group(2), p == Part.STORES ? ";" : ";,"));
                    }
                    current = List.of(); // a canvas row is complete on its line
                } else {
                    current = parts; // the table below the heading lists them
                }
                continue;
            }
            Matcher cell = TABLE_ROW.matcher(line);
            if (!current.isEmpty() && cell.find() && !SEPARATOR_ROW.matcher(line).find()) {
                for (Part p : current) {
                    listed.get(p).addAll(leading(cell.group(1), ","));
                }
            }
        }
        return listed;
    }

    private static List<Part> parts(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return Stream.of(Part.values()).filter(p -> l.contains(p.word)).toList();
    }

    /** The code spans that open an item of the text; items end at the separators outside brackets. */
    private static List<String> leading(String text, String separators) {
        List<String> found = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char ch : (text + separators.charAt(0)).toCharArray()) {
            if (ch == '(' || ch == '[') {
                depth++;
            } else if ((ch == ')' || ch == ']') && depth > 0) {
                depth--;
            }
            if (depth == 0 && separators.indexOf(ch) >= 0) {
                Matcher m = LEADING_CODE.matcher(item.toString().strip());
                if (m.find()) {
                    found.add(m.group(1));
                }
                item.setLength(0);
            } else {
                item.append(ch);
            }
        }
        return found;
    }

    /** The tables the migrations of the folder leave: created, not dropped, under their last name. */
    static Set<String> tables(Path migrations) throws IOException {
        Set<String> tables = new TreeSet<>();
        if (!Files.isDirectory(migrations)) {
            return tables;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(migrations)) {
            files = s.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        for (Path f : files) {
            String sql = read(f).toLowerCase(Locale.ROOT).replaceAll("--[^\n]*", "");
            Matcher m = Pattern.compile(CREATE_TABLE.pattern() + "|" + DROP_TABLE.pattern() + "|"
                    + RENAME_TABLE.pattern()).matcher(sql);
            while (m.find()) {
                if (m.group(1) != null) {
                    tables.add(m.group(1));
                } else if (m.group(2) != null) {
                    tables.remove(m.group(2));
                } else {
                    tables.remove(m.group(3));
                    tables.add(m.group(4));
                }
            }
        }
        return tables;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** What is shaped like a topic name ({@code appeal.received.v1}): a misspelt topic fails, a status does not. */
    private static Set<String> topics(Set<String> listed) {
        return listed.stream().filter(s -> TOPIC_NAME.matcher(s).matches())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(List<Topic<?>> topics) {
        return topics.stream().map(Topic::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
