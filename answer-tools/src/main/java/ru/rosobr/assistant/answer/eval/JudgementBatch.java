package ru.rosobr.assistant.answer.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.learning.PhrasingLearning;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.contracts.events.AiJudged.Verdict;

/**
 * A batch of operators' judgements applied in memory the way the service applies {@code appeal.ai-judged}: each
 * question is decided by the current base (as when it arrived), then {@link PhrasingLearning} says whether the
 * judged entry learns its wording; a learned phrasing is a new version of the entry in the matcher at once.
 *
 * <p>File: TSV {@code verdict<TAB>entryId<TAB>question} (verdict CORRECT, PARTIAL or WRONG; entryId may be empty —
 * the candidate; {@code #} comments).
 */
public final class JudgementBatch {

    /** One judgement of the batch. */
    public record Line(Verdict verdict, String entryId, String question) {
    }

    /** What the batch did. */
    public record Result(int judgements, int learned, int wrong, int partial) {

        public String report() {
            return String.format(Locale.ROOT, "judgements: %d, phrasings learned: %d, «неверно» recorded: %d, "
                    + "«частично»: %d", judgements, learned, wrong, partial);
        }
    }

    private JudgementBatch() {
    }

    public static List<Line> read(Path file) throws IOException {
        List<Line> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || line.startsWith("verdict\t")) {
                continue;
            }
            String[] cols = line.split("\t", 3);
            if (cols.length < 3) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": ожидаются столбцы verdict, entryId, question");
            }
            out.add(new Line(Verdict.valueOf(cols[0].strip()), cols[1].isBlank() ? null : cols[1].strip(),
                    cols[2].strip()));
        }
        return out;
    }

    /** Applies the batch to the matcher; {@code entries} is the base it was built from. */
    public static Result apply(Matcher matcher, List<KbEntry> entries, List<Line> batch) {
        Map<String, KbEntry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        int learned = 0;
        int wrong = 0;
        int partial = 0;
        for (Line j : batch) {
            MatchResult r = matcher.match(j.question(), null);
            String candidate = r.best() == null ? null : r.best().id();
            switch (j.verdict()) {
                case WRONG -> wrong++;
                case PARTIAL -> partial++;
                case CORRECT -> { }
            }
            Optional<String> phrasing = PhrasingLearning.phrasing(j.verdict(), r.decision(), candidate, r.score(),
                    j.entryId(), j.question());
            KbEntry e = candidate == null ? null : byId.get(candidate);
            if (phrasing.isPresent() && e != null && e.status() == KbEntry.Status.VERIFIED
                    && !e.phrasings().contains(phrasing.get())) {
                List<String> phrasings = new ArrayList<>(e.phrasings());
                phrasings.add(phrasing.get());
                KbEntry next = new KbEntry(e.id(), e.topic(), e.question(), phrasings, e.answer(), e.legalBasis(),
                        e.audience(), KbEntry.Status.VERIFIED, e.version() + 1);
                byId.put(next.id(), next);
                matcher.update(next);
                learned++;
            }
        }
        return new Result(batch.size(), learned, wrong, partial);
    }
}
