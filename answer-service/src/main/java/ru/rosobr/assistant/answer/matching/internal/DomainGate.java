package ru.rosobr.assistant.answer.matching.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Is a question about the documentary load of teachers at all? A two-class Bernoulli naive Bayes over lemma
 * presence: in-domain documents are the knowledge base's questions, phrasings and answers plus examples of
 * in-domain questions the base does not answer (they must be routed, not declined); out-of-domain documents are
 * written examples of other subjects (admissions, pay, passwords, homework, weather…). The evidence of a question
 * is the sum of the log-likelihood ratios of its words; words seen in neither class count 0. Immutable.
 */
final class DomainGate {

    private final Map<String, Double> llr;

    DomainGate(List<Set<String>> inDomain, List<Set<String>> outOfDomain) {
        Map<String, int[]> df = new HashMap<>();
        for (Set<String> doc : inDomain) {
            doc.forEach(f -> df.computeIfAbsent(f, k -> new int[2])[0]++);
        }
        for (Set<String> doc : outOfDomain) {
            doc.forEach(f -> df.computeIfAbsent(f, k -> new int[2])[1]++);
        }
        double nIn = inDomain.size();
        double nOut = outOfDomain.size();
        Map<String, Double> m = new HashMap<>(df.size() * 2);
        df.forEach((f, c) -> m.put(f, Math.log((c[0] + 0.5) / (nIn + 1)) - Math.log((c[1] + 0.5) / (nOut + 1))));
        this.llr = m;
    }

    /** Log-likelihood ratio of one term (the strongest of its readings either way is the most informative). */
    double evidence(Term t) {
        Double best = null;
        for (String f : t.forms()) {
            Double v = llr.get(f);
            if (v != null && (best == null || Math.abs(v) > Math.abs(best))) {
                best = v;
            }
        }
        if (best == null) {
            // a word seen in neither corpus: its concept (обязан → обязанность) may still tell
            for (String c : t.concepts()) {
                Double v = llr.get(c);
                if (v != null && (best == null || Math.abs(v) > Math.abs(best))) {
                    best = v;
                }
            }
        }
        return best == null ? 0 : best;
    }

    double evidence(List<Term> terms) {
        double sum = 0;
        for (Term t : terms) {
            sum += evidence(t);
        }
        return sum;
    }

    static Set<String> features(List<Term> terms) {
        Set<String> s = new HashSet<>();
        for (Term t : terms) {
            for (String f : t.forms()) {
                s.add(f);
            }
            for (String c : t.concepts()) {
                if (!c.startsWith(TextAnalyzer.PREFIX_MARK)) {
                    s.add(c);
                }
            }
        }
        return s;
    }
}
