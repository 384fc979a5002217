package ru.rosobr.assistant.answer.learning;

import java.util.Optional;

import ru.rosobr.assistant.answer.matching.Decision;
import ru.rosobr.assistant.contracts.events.AiJudged.Verdict;

/**
 * When an operator's judgement teaches an entry a new phrasing. One rule for the service (applied to
 * {@code appeal.ai-judged}) and for {@code bin/eval-answers --judgements} (applied to a batch in memory), so the
 * figures the evaluation reports after a batch are what the service would do.
 *
 * <p>Learned: the wording of an appeal that was <em>routed</em> although an entry was close (its candidate scored
 * at least {@link #CLOSE}), when the operator judged that candidate «верно» — the base had the answer and missed
 * the words. Not learned: an answered appeal (its words already match), a far candidate (the operator's «верно»
 * is about a guess the matcher itself did not trust), «частично» and «неверно» (recorded against the entry for the
 * KB editors instead), a judgement of another entry than the candidate.
 */
public final class PhrasingLearning {

    /** The least score of a routed appeal's candidate for its wording to be learned. */
    public static final double CLOSE = 0.25;
    /** Longer appeals are stories; their wording is learned up to this many characters. */
    public static final int MAX_LENGTH = 500;

    private PhrasingLearning() {
    }

    /**
     * @param decision    what the appeal got
     * @param candidateId the entry the decision was closest to (null if none)
     * @param score       the candidate's score
     * @param judgedId    the entry the operator judged (null: the candidate)
     * @return the phrasing to add to the candidate, if any
     */
    public static Optional<String> phrasing(Verdict verdict, Decision decision, String candidateId, double score,
                                            String judgedId, String question) {
        if (verdict != Verdict.CORRECT || decision != Decision.UNMATCHED || candidateId == null
                || score < CLOSE || question == null || question.isBlank()) {
            return Optional.empty();
        }
        if (judgedId != null && !judgedId.equals(candidateId)) {
            return Optional.empty();
        }
        String wording = question.strip().replaceAll("\\s+", " ");
        return Optional.of(wording.length() <= MAX_LENGTH ? wording : wording.substring(0, MAX_LENGTH));
    }
}
