package ru.rosobr.assistant.answer.matching;

/**
 * A word of the question that an entry explains: the word as written, the lemma or concept it met in the entry,
 * whether it met the word itself or a synonym ({@code concept}), and where — a phrasing (or the question) of the
 * entry, or only its answer text ({@code inAnswer}), which counts less.
 */
public record MatchedTerm(String word, String lemma, boolean concept, boolean inAnswer) {
}
