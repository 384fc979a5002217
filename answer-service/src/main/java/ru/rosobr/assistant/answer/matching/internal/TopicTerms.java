package ru.rosobr.assistant.answer.matching.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that name what a topic is about ({@code matching/topic-terms.tsv}): a question answered from an entry
 * of the topic must contain one of them. Without it the entry explains only the frame of the question («какие
 * документы обязан вести…», «возможности…») and the question, about something the base does not cover, goes to an
 * operator instead of getting a neighbouring topic's answer. A topic the file does not list (a new topic of the
 * operators) requires nothing. The words are read through the question analyser, so slang, abbreviations and
 * inflected forms are matched the way a question's words are.
 */
final class TopicTerms {

    private final Map<String, Set<String>> byTopic;

    private TopicTerms(Map<String, Set<String>> byTopic) {
        this.byTopic = byTopic;
    }

    static TopicTerms load(TextAnalyzer analyzer) {
        Map<String, Set<String>> byTopic = new HashMap<>();
        for (String line : Lexicon.lines("matching/topic-terms.tsv")) {
            String[] cols = line.split("\t", 2);
            if (cols.length < 2) {
                throw new IllegalStateException("matching/topic-terms.tsv: expected topic<TAB>words in «" + line + "»");
            }
            Set<String> features = byTopic.computeIfAbsent(cols[0].strip(), k -> new HashSet<>());
            for (String word : cols[1].split(",")) {
                List<Term> terms = analyzer.analyze(word.strip()).terms();
                if (terms.isEmpty()) {
                    // a stop word never reaches a question's terms: listing it would silently require nothing
                    throw new IllegalStateException("matching/topic-terms.tsv: «" + word.strip() + "» is a stop word");
                }
                for (Term t : terms) {
                    features.addAll(List.of(t.forms()));
                }
            }
        }
        byTopic.replaceAll((k, v) -> Set.copyOf(v));
        return new TopicTerms(Map.copyOf(byTopic));
    }

    /** Whether the question names the topic (always, for a topic without listed words). */
    boolean named(String topic, List<Term> terms) {
        Set<String> words = byTopic.get(topic);
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
