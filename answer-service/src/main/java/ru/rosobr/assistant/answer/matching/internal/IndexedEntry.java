package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.rosobr.assistant.answer.kb.KbEntry;

/**
 * A verified entry, analysed once: the terms of its canonical question and of each phrasing, the terms of its
 * answer, the feature sets (lemmas and concepts) of both fields and the askers it may answer: everything an index
 * snapshot needs to add or remove the entry without looking at any other entry.
 */
record IndexedEntry(KbEntry entry, List<Term[]> phrasings, Term[] answer, Set<String> phraseFeatures,
                    Set<String> answerFeatures, int fitMask, int specificMask, Memo memo) {

    /** Word weights of the phrasings under the latest snapshot that ranked the entry (see {@link Ranker}). */
    static final class Memo {
        volatile Ranker.PhrasingWeights weights;
    }

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
        int fit = 0;
        int specific = 0;
        for (Asker a : Asker.values()) {
            if (LemmaMatcher.fits(e.audience(), a)) {
                fit |= 1 << a.ordinal();
            }
            if (LemmaMatcher.specific(e.audience(), a)) {
                specific |= 1 << a.ordinal();
            }
        }
        return new IndexedEntry(e, List.copyOf(phrasings), answer, Collections.unmodifiableSet(phrase),
                Collections.unmodifiableSet(ans), fit, specific,
                new Memo());
    }

    /**
     * The entry's documents for the {@link DomainGate} (each phrasing and the answer is one): feature → how many
     * of them contain it. Computed when asked (on a change or a full build) rather than kept: it would double
     * the memory of the index.
     */
    Map<String, Integer> gateFeatures() {
        Map<String, Integer> gate = new HashMap<>();
        for (Term[] p : phrasings) {
            DomainGate.features(Arrays.asList(p)).forEach(f -> gate.merge(f, 1, Integer::sum));
        }
        DomainGate.features(Arrays.asList(answer)).forEach(f -> gate.merge(f, 1, Integer::sum));
        return gate;
    }

    int gateDocuments() {
        return phrasings.size() + 1;
    }

    String id() {
        return entry.id();
    }

    /** Strength of the field a feature occurs in (1 for a phrasing, {@code answerWeight} for the answer only). */
    float strength(String feature, float answerWeight) {
        if (phraseFeatures.contains(feature)) {
            return 1f;
        }
        return answerFeatures.contains(feature) ? answerWeight : ABSENT;
    }

    static final float ABSENT = -1f;

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
