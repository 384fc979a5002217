package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.rosobr.assistant.answer.kb.KbEntry;

/**
 * A verified entry, analysed once: the terms of its canonical question and of each phrasing, the terms of its
 * answer, and the feature sets (lemmas and concepts) of both fields.
 */
record IndexedEntry(KbEntry entry, List<Term[]> phrasings, Term[] answer, Set<String> phraseFeatures,
                    Set<String> answerFeatures) {

    static IndexedEntry of(KbEntry e, TextAnalyzer analyzer) {
        List<Term[]> phrasings = new ArrayList<>(e.phrasings().size() + 1);
        phrasings.add(distinct(analyzer.analyze(e.question()).terms()));
        for (String p : e.phrasings()) {
            Term[] terms = distinct(analyzer.analyze(p).terms());
            if (terms.length > 0) {
                phrasings.add(terms);
            }
        }
        Term[] answer = distinct(analyzer.analyze(e.answer()).terms());
        Set<String> phrase = new HashSet<>();
        phrasings.forEach(p -> addFeatures(p, phrase));
        Set<String> ans = new HashSet<>();
        addFeatures(answer, ans);
        ans.removeAll(phrase);
        return new IndexedEntry(e, List.copyOf(phrasings), answer, Collections.unmodifiableSet(phrase),
                Collections.unmodifiableSet(ans));
    }

    private static Term[] distinct(List<Term> terms) {
        Map<String, Term> byForms = new LinkedHashMap<>();
        for (Term t : terms) {
            byForms.putIfAbsent(String.join("|", t.forms()), t);
        }
        return byForms.values().toArray(Term[]::new);
    }

    private static void addFeatures(Term[] terms, Set<String> into) {
        for (Term t : terms) {
            Collections.addAll(into, t.forms());
            Collections.addAll(into, t.concepts());
        }
    }
}
