package ru.rosobr.assistant.answer.matching.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that name what an entry is about ({@code matching/subject-terms.tsv}, by entry id): a question answered
 * from the entry must contain one of them. Without it the entry explains only the frame of the question («какие
 * документы обязан вести…», «возможности…») and the question, about something the base does not cover, goes to an
 * operator instead of getting a neighbouring topic's answer. The lists describe the starter entries; an entry the
 * file does not list (published by operators or written by editors, on whatever topic) requires nothing: its own
 * wording is its subject. The words are read through the question analyser, so slang, abbreviations and inflected
 * forms are matched the way a question's words are.
 */
final class SubjectTerms {

    private final Map<String, Set<String>> byEntry;

    private SubjectTerms(Map<String, Set<String>> byEntry) {
        this.byEntry = byEntry;
    }

    static SubjectTerms load(TextAnalyzer analyzer) {
        Map<String, Set<String>> byEntry = new HashMap<>();
        for (String line : Lexicon.lines("matching/subject-terms.tsv")) {
            String[] cols = line.split("\t", 2);
            if (cols.length < 2) {
                throw new IllegalStateException("matching/subject-terms.tsv: expected entry id<TAB>words in «" + line + "»");
            }
            Set<String> features = byEntry.computeIfAbsent(cols[0].strip(), k -> new HashSet<>());
            for (String word : cols[1].split(",")) {
                List<Term> terms = analyzer.analyze(word.strip()).terms();
                if (terms.isEmpty()) {
                    // a stop word never reaches a question's terms: listing it would silently require nothing
                    throw new IllegalStateException("matching/subject-terms.tsv: «" + word.strip() + "» is a stop word");
                }
                for (Term t : terms) {
                    features.addAll(List.of(t.forms()));
                }
            }
        }
        byEntry.replaceAll((k, v) -> Set.copyOf(v));
        return new SubjectTerms(Map.copyOf(byEntry));
    }

    /** Whether the question names what the entry is about (always, for an entry without listed words). */
    boolean named(String entryId, List<Term> terms) {
        Set<String> words = byEntry.get(entryId);
        if (words == null) {
            return true;
        }
        for (Term t : terms) {
            for (String f : t.forms()) {
                if (words.contains(f)) {
                    return true;
                }
            }
            for (String c : t.concepts()) {
                if (!c.startsWith(TextAnalyzer.PREFIX_MARK) && words.contains(c)) {
                    return true;
                }
            }
        }
        return false;
    }
}
