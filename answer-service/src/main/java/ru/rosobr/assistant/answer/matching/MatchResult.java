package ru.rosobr.assistant.answer.matching;

import java.util.List;

import ru.rosobr.assistant.answer.kb.KbEntry;

/**
 * The decision with its evidence: the best entry and its score, and the runner-up (kept for analysis).
 * {@code best} may be present for UNMATCHED (a candidate the operator can judge) and is null for OFF_TOPIC.
 * {@code terms} are the question's words the best entry explains — why it matched (empty without an entry).
 */
public record MatchResult(Decision decision, KbEntry best, double score, KbEntry runnerUp, double runnerUpScore,
                          List<MatchedTerm> terms) {

    public MatchResult {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    public MatchResult(Decision decision, KbEntry best, double score, KbEntry runnerUp, double runnerUpScore) {
        this(decision, best, score, runnerUp, runnerUpScore, List.of());
    }
}
