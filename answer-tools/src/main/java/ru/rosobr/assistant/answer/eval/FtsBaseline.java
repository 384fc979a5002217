package ru.rosobr.assistant.answer.eval;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.StarterKb;
import ru.rosobr.assistant.answer.matching.Decision;

/**
 * {@code bin/eval-answers-fts FILE}: the baseline — PostgreSQL full-text search, configuration {@code russian}, over
 * the same starter base (canonical question and phrasings, one row each) — on the same questions, with the same
 * metrics. Connects to PGHOST:PGPORT (default 127.0.0.1:5432) as PGUSER (postgres), database PGDATABASE
 * (postgres); works in a temporary table, changes nothing. Two query styles: every word required
 * ({@code plainto_tsquery}) and any word ({@code websearch} words joined with OR), each answered when the best
 * {@code ts_rank} is at least a threshold; prints the table for several thresholds.
 */
public final class FtsBaseline {

    private FtsBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Использование: bin/eval-answers-fts ФАЙЛ.tsv");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<EvalAnswers.Question> questions = EvalAnswers.read(Path.of(args[0]));
        String url = "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/"
                + env("PGDATABASE", "postgres");
        try (Connection c = DriverManager.getConnection(url, env("PGUSER", "postgres"), env("PGPASSWORD", ""))) {
            load(c, StarterKb.entries());
            out.println("PostgreSQL full-text search (russian) over the starter base's questions and phrasings");
            out.printf(Locale.ROOT, "%-5s %-10s %9s %9s %9s%n", "query", "min rank", "precision", "coverage",
                    "answered");
            for (String mode : List.of("AND", "OR")) {
                List<double[]> ranked = rank(c, questions, mode);
                for (double threshold : new double[] {0.0, 0.01, 0.02, 0.03, 0.04, 0.06}) {
                    List<EvalAnswers.Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < questions.size(); i++) {
                        EvalAnswers.Question q = questions.get(i);
                        double[] r = ranked.get(i);
                        String topic = r == null ? null : TOPICS.get((int) r[0]);
                        boolean answered = r != null && r[1] >= threshold;
                        outcomes.add(new EvalAnswers.Outcome(q, answered ? Decision.MATCHED : Decision.UNMATCHED,
                                answered ? topic : null, r == null ? 0 : r[1]));
                    }
                    EvalAnswers.Metrics m = EvalAnswers.metrics(outcomes);
                    out.printf(Locale.ROOT, "%-5s %-10.2f %9s %9.3f %9d%n", mode, threshold,
                            m.matched() == 0 ? "—" : String.format(Locale.ROOT, "%.3f", m.precision()),
                            m.coverage(), m.matched());
                }
            }
        }
    }

    private static final List<String> TOPICS = new ArrayList<>();

    private static void load(Connection c, List<KbEntry> entries) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table fts_phrasings (topic_no int, text text, tsv tsvector)");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into fts_phrasings values (?, ?, to_tsvector('russian', ?))")) {
            for (KbEntry e : entries) {
                TOPICS.add(e.topic());
                List<String> texts = new ArrayList<>(e.phrasings());
                texts.add(e.question());
                for (String t : texts) {
                    ps.setInt(1, TOPICS.size() - 1);
                    ps.setString(2, t);
                    ps.setString(3, t);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Per question: {topic number, best rank}, or null when nothing matches. */
    private static List<double[]> rank(Connection c, List<EvalAnswers.Question> questions, String mode)
            throws SQLException {
        String query = mode.equals("AND") ? "plainto_tsquery('russian', ?)"
                // any word: the lexemes of plainto_tsquery joined with OR
                : "replace(plainto_tsquery('russian', ?)::text, '&', '|')::tsquery";
        List<double[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select topic_no, ts_rank(tsv, s.q) as r from fts_phrasings, (select "
                + query + " as q) s where tsv @@ s.q order by r desc limit 1")) {
            for (EvalAnswers.Question q : questions) {
                ps.setString(1, q.text());
                try (ResultSet rs = ps.executeQuery()) {
                    out.add(rs.next() ? new double[] {rs.getInt(1), rs.getDouble(2)} : null);
                }
            }
        }
        return out;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
