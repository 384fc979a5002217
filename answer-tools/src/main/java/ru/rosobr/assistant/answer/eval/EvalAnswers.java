package ru.rosobr.assistant.answer.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.StarterKb;
import ru.rosobr.assistant.answer.matching.Decision;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.answer.matching.MatcherSettings;
import ru.rosobr.assistant.answer.matching.Matching;
import ru.rosobr.assistant.contracts.OrgType;

/**
 * {@code bin/eval-answers FILE}: runs the service's matcher over the starter base (no Kafka, no database) for each
 * question of a TSV file with columns {@code id, expected, text} (and an optional {@code orgType}); {@code expected}
 * is a topic id, NONE (must be routed) or OFFTOPIC (must be declined).
 *
 * <p>stdout: {@code id<TAB>decision<TAB>topic<TAB>score} per question. stderr: the five metrics. Options:
 * {@code --explain} (why, per question, on stderr), {@code --check} (exit 1 when a target is missed),
 * {@code --judgements FILE} (the figures before and after a batch of operators' judgements, see
 * {@link JudgementBatch}),
 * {@code -Dassistant.matching.<setting>=<value>} (try other settings, see {@link MatcherSettings}).
 */
public final class EvalAnswers {

    /** Targets: an automatic answer is almost never wrong, most covered questions get one, none is turned away. */
    static final double PRECISION = 0.95;
    static final double COVERAGE = 0.92;
    static final double IN_DOMAIN_DECLINED = 0.01;
    static final double OFFTOPIC_DECLINED = 0.95;
    static final double NONE_ROUTED = 0.90;

    /** One labelled question. */
    public record Question(String id, String expected, String text, OrgType orgType) {
    }

    /** A question with the decision taken. */
    public record Outcome(Question question, Decision decision, String topic, double score) {
    }

    /** The five figures. */
    public record Metrics(int questions, int topical, int matched, int correct, double precision, double coverage,
                          double inDomainDeclined, double offTopicDeclined, double noneRouted) {

        public boolean meetsTargets() {
            return precision >= PRECISION && coverage >= COVERAGE && inDomainDeclined <= IN_DOMAIN_DECLINED
                    && offTopicDeclined >= OFFTOPIC_DECLINED && noneRouted >= NONE_ROUTED;
        }

        public String report() {
            return String.format(Locale.ROOT, """
                    questions: %d (with a topic: %d), auto-answered: %d, correct: %d
                    precision (correct MATCHED / MATCHED):          %.3f  (target >= %.2f)
                    coverage (correct MATCHED / topic questions):   %.3f  (target >= %.2f)
                    in-domain declined as off-topic:                %.3f  (target <= %.2f)
                    OFFTOPIC declined:                              %.3f  (target >= %.2f)
                    NONE routed to the operator:                    %.3f  (target >= %.2f)""",
                    questions, topical, matched, correct, precision, PRECISION, coverage, COVERAGE,
                    inDomainDeclined, IN_DOMAIN_DECLINED, offTopicDeclined, OFFTOPIC_DECLINED, noneRouted,
                    NONE_ROUTED);
        }
    }

    private EvalAnswers() {
    }

    public static void main(String[] args) throws IOException {
        Path file = null;
        Path judgementsFile = null;
        boolean explain = false;
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--explain" -> explain = true;
                case "--check" -> check = true;
                case "--judgements" -> judgementsFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null) {
            System.err.println("Использование: bin/eval-answers ФАЙЛ.tsv [--explain] [--check] "
                    + "[--judgements ОЦЕНКИ.tsv]");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        List<Question> questions = read(file);
        List<KbEntry> entries = StarterKb.entries();
        Matcher matcher = Matching.create(settings(), entries);
        if (judgementsFile != null) {
            // the figures before the batch, the batch applied as the service applies appeal.ai-judged, the
            // figures after it (then the per-question output below is the "after" one)
            Metrics before = metrics(questions.stream().map(q -> decide(matcher, q)).toList());
            err.println("before the judgements:");
            err.println(before.report());
            JudgementBatch.Result applied = JudgementBatch.apply(matcher, entries, JudgementBatch.read(judgementsFile));
            err.println(applied.report());
            err.println("after the judgements:");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Question q : questions) {
            Outcome o = decide(matcher, q);
            outcomes.add(o);
            out.printf(Locale.ROOT, "%s\t%s\t%s\t%.4f%n", q.id(), o.decision(), o.topic() == null ? "" : o.topic(),
                    o.score());
            if (explain) {
                String verdict = verdict(o);
                err.printf("%s %-5s expected=%s %s%n", q.id(), verdict, q.expected(),
                        Matching.explain(matcher, q.text(), q.orgType()));
            }
        }
        Metrics m = metrics(outcomes);
        err.println(m.report());
        if (check && !m.meetsTargets()) {
            err.println("Целевые показатели не достигнуты.");
            System.exit(1);
        }
    }

    /** Settings: the defaults, each overridable by a system property {@code assistant.matching.<name>}. */
    public static MatcherSettings settings() {
        MatcherSettings d = MatcherSettings.defaults();
        return new MatcherSettings(prop("matchThreshold", d.matchThreshold()), prop("minMargin", d.minMargin()),
                prop("offTopicThreshold", d.offTopicThreshold()), prop("answerWeight", d.answerWeight()),
                prop("conceptWeight", d.conceptWeight()), prop("unknownWeight", d.unknownWeight()),
                prop("coverageShare", d.coverageShare()));
    }

    private static double prop(String name, double fallback) {
        String v = System.getProperty("assistant.matching." + name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    public static Outcome decide(Matcher matcher, Question q) {
        MatchResult r = matcher.match(q.text(), q.orgType());
        String topic = r.decision() == Decision.MATCHED ? r.best().topic() : null;
        return new Outcome(q, r.decision(), topic, r.score());
    }

    static String verdict(Outcome o) {
        String expected = o.question().expected();
        boolean ok = switch (expected) {
            case "NONE" -> o.decision() == Decision.UNMATCHED;
            case "OFFTOPIC" -> o.decision() == Decision.OFF_TOPIC;
            default -> o.decision() == Decision.MATCHED && expected.equals(o.topic());
        };
        if (ok) {
            return "ok";
        }
        return o.decision() == Decision.MATCHED ? "WRONG" : "miss";
    }

    public static List<Question> read(Path file) throws IOException {
        List<Question> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || i == 0 && line.startsWith("id\t")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 3) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": ожидаются столбцы id, expected, text");
            }
            OrgType org = cols.length > 3 && !cols[3].isBlank() ? OrgType.valueOf(cols[3].strip()) : null;
            out.add(new Question(cols[0].strip(), cols[1].strip(), cols[2].strip(), org));
        }
        return out;
    }

    public static Metrics metrics(List<Outcome> outcomes) {
        int topical = 0;
        int matched = 0;
        int correct = 0;
        int inDomain = 0;
        int inDomainDeclined = 0;
        int off = 0;
        int offDeclined = 0;
        int none = 0;
        int noneRouted = 0;
        for (Outcome o : outcomes) {
            String expected = o.question().expected();
            boolean isTopic = !expected.equals("NONE") && !expected.equals("OFFTOPIC");
            if (o.decision() == Decision.MATCHED) {
                matched++;
                if (isTopic && expected.equals(o.topic())) {
                    correct++;
                }
            }
            if (isTopic) {
                topical++;
            }
            if (expected.equals("OFFTOPIC")) {
                off++;
                if (o.decision() == Decision.OFF_TOPIC) {
                    offDeclined++;
                }
            } else {
                inDomain++;
                if (o.decision() == Decision.OFF_TOPIC) {
                    inDomainDeclined++;
                }
            }
            if (expected.equals("NONE")) {
                none++;
                if (o.decision() == Decision.UNMATCHED) {
                    noneRouted++;
                }
            }
        }
        return new Metrics(outcomes.size(), topical, matched, correct, ratio(correct, matched, 1),
                ratio(correct, topical, 0), ratio(inDomainDeclined, inDomain, 0), ratio(offDeclined, off, 1),
                ratio(noneRouted, none, 1));
    }

    private static double ratio(int a, int b, double empty) {
        return b == 0 ? empty : (double) a / b;
    }
}
