package ru.rosobr.assistant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The root README's topic table and the Kafka edges of its diagram, and the contracts README's table of event types
 * and keys, are generated from the registry: when they differ, the test fails and prints what the README should say. (Each service's TopicSubscriptionsTest keeps the
 * registry's readers equal to its subscriptions.)
 */
class ReadmeTopicsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path CONTRACTS_README = Path.of("README.md");

    /** Services in the order the table lists readers, with their node in the diagram. */
    private static final Map<String, String> NODES = new LinkedHashMap<>();

    static {
        NODES.put(Topics.INTAKE, "IN");
        NODES.put(Topics.ANSWER, "AN");
        NODES.put(Topics.ROUTING, "RO");
        NODES.put(Topics.OPERATOR, "OP");
        NODES.put(Topics.FOLLOWUP, "FU");
        NODES.put(Topics.ANALYTICS, "AY");
        NODES.put(Topics.GATEWAY, "GW");
    }

    @Test
    void topicTableIsTheRegistry() throws IOException {
        assertSection(README, "<!-- topics:start -->", "<!-- topics:end -->", table());
    }

    @Test
    void diagramDrawsEveryWriterToReaderEdgeOfTheRegistry() throws IOException {
        assertSection(README, "  %% topics:start", "  %% topics:end", edges());
    }

    @Test
    void contractsTableIsTheRegistry() throws IOException {
        assertSection(CONTRACTS_README, "<!-- topics:start -->", "<!-- topics:end -->", contractsTable());
    }

    @Test
    void everyReaderHasANode() {
        Topics.ALL.forEach(t -> assertThat(NODES.keySet()).as(t.name()).containsAll(t.readers()).contains(t.writer()));
    }

    static String table() {
        StringBuilder s = new StringBuilder("| топик | пишет | читают |\n|---|---|---|\n");
        for (Topic<?> t : Topics.ALL) {
            s.append("| `").append(t.name()).append("` | ").append(t.writer()).append(" | ")
                    .append(String.join(", ", readers(t))).append(" |\n");
        }
        return s.toString();
    }

    static String contractsTable() {
        StringBuilder s = new StringBuilder("| топик | событие | писатель | ключ |\n|---|---|---|---|\n");
        for (Topic<?> t : Topics.ALL) {
            String key = camel(t.key().name());
            s.append("| `").append(t.name()).append("` | ").append(t.eventType().getSimpleName()).append(" | ")
                    .append(t.writer()).append(" | ").append(key).append(" |\n");
        }
        return s.toString();
    }

    /** One edge per writer and reader (in the order of NODES), labelled with their topics; analytics' dotted. */
    static String edges() {
        StringBuilder s = new StringBuilder();
        for (String writer : NODES.keySet()) {
            for (String reader : NODES.keySet()) {
                List<String> topics = Topics.ALL.stream()
                        .filter(t -> t.writer().equals(writer) && t.readers().contains(reader))
                        .map(Topic::name).toList();
                if (topics.isEmpty()) {
                    continue;
                }
                String label = String.join(" / ", topics);
                s.append("  ").append(NODES.get(writer))
                        .append(reader.equals(Topics.ANALYTICS) ? " -. " + label + " .-> " : " -- " + label + " --> ")
                        .append(NODES.get(reader)).append('\n');
            }
        }
        return s.toString();
    }

    private static List<String> readers(Topic<?> t) {
        return NODES.keySet().stream().filter(t.readers()::contains).collect(Collectors.toList());
    }

    /**
     * The lines strictly between the two marker lines are the expected text; if not, the failure prints it
     * ({@code -Dreadme.write=true} rewrites the section instead).
     */
    private static void assertSection(Path readme, String start, String end, String expected) throws IOException {
        if (Boolean.getBoolean("readme.write")) {
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(readme, StandardCharsets.UTF_8));
            int from = lines.indexOf(start);
            int to = lines.indexOf(end);
            lines.subList(from + 1, to).clear();
            lines.addAll(from + 1, expected.lines().toList());
            Files.write(readme, lines, StandardCharsets.UTF_8);
        }
        assertThat(section(readme, start, end))
                .as("%s between «%s» and «%s»; expected:%n%s", readme, start.strip(), end.strip(), expected)
                .isEqualTo(expected);
    }

    private static String section(Path readme, String start, String end) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int from = lines.indexOf(start);
        int to = lines.indexOf(end);
        assertThat(from).as("%s has a line «%s»", readme, start).isNotNegative();
        assertThat(to).as("%s has a line «%s» after «%s»", readme, end, start).isGreaterThan(from);
        return lines.subList(from + 1, to).stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    /** APPEAL_ID → appealId, as the event records name the key. */
    private static String camel(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder s = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return s.toString();
    }
}
