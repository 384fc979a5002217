package ru.rosobr.assistant.answer.matching.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/**
 * The field's vocabulary, kept as resources under {@code matching/} so that it can be reviewed without reading
 * code: abbreviations and slang, concept synonyms, stop words, audience cues, the two example corpora of the
 * domain gate, the words of known gaps, the cues of paperwork (never declined as off-topic), the cues of other
 * subjects and the words that describe the asker.
 */
public record Lexicon(Map<String, String> aliases, Map<String, List<String>> concepts, Set<String> stopwords,
                      Map<String, Asker> audienceCues, List<String> offTopicExamples,
                      List<String> outOfScopeExamples, Set<String> routeWords,
                      Map<String, String> paperworkCues, Set<String> contextWords,
                      Set<String> offTopicCues, Set<String> askerWords) {

    public static Lexicon standard() {
        Map<String, String> aliases = new HashMap<>();
        for (String[] row : rows("matching/aliases.tsv")) {
            aliases.put(TextNormalizer.fold(row[0]), row[1]);
        }
        Map<String, List<String>> concepts = new HashMap<>();
        for (String[] row : rows("matching/concepts.tsv")) {
            concepts.computeIfAbsent(TextNormalizer.fold(row[0]), k -> new ArrayList<>())
                    .add(TextNormalizer.fold(row[1]));
        }
        Set<String> stop = new HashSet<>();
        CharArraySet snowball = RussianAnalyzer.getDefaultStopSet();
        snowball.forEach(o -> stop.add(TextNormalizer.fold(new String((char[]) o))));
        lines("matching/stopwords.txt").forEach(l -> stop.add(TextNormalizer.fold(l)));
        Map<String, Asker> cues = new HashMap<>();
        for (String[] row : rows("matching/audience-cues.tsv")) {
            cues.put(TextNormalizer.fold(row[0]), Asker.valueOf(row[1]));
        }
        Map<String, String> paperwork = new HashMap<>();
        for (String[] row : rows("matching/paperwork-cues.tsv")) {
            paperwork.put(TextNormalizer.fold(row[0]), row[1].strip());
        }
        return new Lexicon(Map.copyOf(aliases), Map.copyOf(concepts), Set.copyOf(stop), Map.copyOf(cues),
                lines("matching/off-topic-examples.txt"), lines("matching/out-of-scope-examples.txt"),
                Set.copyOf(lines("matching/route-words.txt").stream().map(TextNormalizer::fold).toList()),
                Map.copyOf(paperwork),
                Set.copyOf(lines("matching/context-words.txt").stream().map(TextNormalizer::fold).toList()),
                Set.copyOf(lines("matching/offtopic-cues.txt").stream().map(TextNormalizer::fold).toList()),
                Set.copyOf(lines("matching/asker-words.txt").stream().map(TextNormalizer::fold).toList()));
    }

    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(resource)) {
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                throw new IllegalStateException(resource + ": expected two tab-separated columns in «" + line + "»");
            }
            out.add(cols);
        }
        return out;
    }

    /** Non-empty lines, without {@code #} comments. */
    static List<String> lines(String resource) {
        InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
