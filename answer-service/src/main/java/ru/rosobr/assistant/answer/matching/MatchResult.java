package ru.rosobr.assistant.answer.matching;

import ru.rosobr.assistant.answer.kb.KbEntry;

/**
 * The decision with its evidence: the best entry and its score, and the runner-up (kept for analysis).
 * {@code best} may be present for UNMATCHED (a candidate the operator can judge) and is null for OFF_TOPIC.
 */
public record MatchResult(Decision decision, KbEntry best, double score, KbEntry runnerUp, double runnerUpScore) {
}
