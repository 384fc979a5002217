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
 * is the sum of the log-likelihood ratios of its words; words seen in neither class count 0.
 *
 * <p>Immutable. The gate keeps the document counts per feature (a {@link PersistentMap}) and computes a ratio
 * when a question asks for it, so adding or removing an entry changes only the counts of that entry's features
 * ({@link #replace}) although the class sizes, and with them every ratio, change.
 */
final class DomainGate {

    /** In how many documents of each class a feature occurs. */
    record Documents(int in, int out) {

        int total() {
            return in + out;
        }
    }

    private final PersistentMap<String, Documents> counts;
    private final int inDocuments;
    private final int outDocuments;

    private DomainGate(PersistentMap<String, Documents> counts, int inDocuments, int outDocuments) {
        this.counts = counts;
        this.inDocuments = inDocuments;
        this.outDocuments = outDocuments;
    }

    /** The gate of the example corpora alone (no knowledge-base entry yet). */
    static DomainGate of(List<Set<String>> inDomain, List<Set<String>> outOfDomain) {
        Map<String, int[]> df = new HashMap<>();
        for (Set<String> doc : inDomain) {
            doc.forEach(f -> df.computeIfAbsent(f, k -> new int[2])[0]++);
        }
        for (Set<String> doc : outOfDomain) {
            doc.forEach(f -> df.computeIfAbsent(f, k -> new int[2])[1]++);
        }
        return new DomainGate(freeze(df), inDomain.size(), outOfDomain.size());
    }

    /** This gate with the documents of all these entries added (a full build). */
    DomainGate plus(List<IndexedEntry> entries) {
        Map<String, int[]> df = new HashMap<>(counts.size() * 2);
        counts.forEach((f, c) -> df.put(f, new int[] {c.in(), c.out()}));
        int in = inDocuments;
        for (IndexedEntry e : entries) {
            e.gateFeatures().forEach((f, n) -> df.computeIfAbsent(f, k -> new int[2])[0] += n);
            in += e.gateDocuments();
        }
        return new DomainGate(freeze(df), in, outDocuments);
    }

    /**
     * This gate with the documents of {@code previous} replaced by those of {@code next} (either may be null).
     * Features that the vocabulary gains or loses are added to {@code entered} and {@code left}.
     */
    DomainGate replace(IndexedEntry previous, IndexedEntry next, List<String> entered, List<String> left) {
        Map<String, Integer> delta = new HashMap<>();
        int in = inDocuments;
        if (previous != null) {
            previous.gateFeatures().forEach((f, n) -> delta.merge(f, -n, Integer::sum));
            in -= previous.gateDocuments();
        }
        if (next != null) {
            next.gateFeatures().forEach((f, n) -> delta.merge(f, n, Integer::sum));
            in += next.gateDocuments();
        }
        PersistentMap<String, Documents> c = counts;
        for (Map.Entry<String, Integer> d : delta.entrySet()) {
            if (d.getValue() == 0) {
                continue;
            }
            String f = d.getKey();
            Documents before = c.get(f);
            Documents after = before == null ? new Documents(d.getValue(), 0)
                    : new Documents(before.in() + d.getValue(), before.out());
            if (after.total() == 0) {
                c = c.remove(f);
                left.add(f);
            } else {
                c = c.put(f, after);
                if (before == null) {
                    entered.add(f);
                }
            }
        }
        return new DomainGate(c, in, outDocuments);
    }

    /** Every feature of either class with its document counts (the typo corrector's vocabulary). */
    PersistentMap<String, Documents> vocabulary() {
        return counts;
    }

    int inDocuments() {
        return inDocuments;
    }

    int outDocuments() {
        return outDocuments;
    }

    /** Log-likelihood ratio of a feature, or null when neither class has it. */
    private Double ratio(String feature) {
        Documents c = counts.get(feature);
        if (c == null) {
            return null;
        }
        return Math.log((c.in() + 0.5) / (inDocuments + 1)) - Math.log((c.out() + 0.5) / (outDocuments + 1));
    }

    /** Log-likelihood ratio of one term (the strongest of its readings either way is the most informative). */
    double evidence(Term t) {
        Double best = null;
        for (String f : t.forms()) {
            Double v = ratio(f);
            if (v != null && (best == null || Math.abs(v) > Math.abs(best))) {
                best = v;
            }
        }
        if (best == null) {
            // a word seen in neither corpus: its concept (обязан → обязанность) may still tell
            for (String c : t.concepts()) {
                Double v = ratio(c);
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

    private static PersistentMap<String, Documents> freeze(Map<String, int[]> df) {
        Map<String, Documents> m = new HashMap<>(df.size() * 2);
        df.forEach((f, c) -> {
            if (c[0] + c[1] > 0) {
                m.put(f, new Documents(c[0], c[1]));
            }
        });
        return PersistentMap.of(m);
    }
}
