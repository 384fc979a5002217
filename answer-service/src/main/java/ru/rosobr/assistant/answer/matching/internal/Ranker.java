package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import ru.rosobr.assistant.answer.matching.MatcherSettings;
import ru.rosobr.assistant.answer.matching.internal.IndexSnapshot.Postings;
import ru.rosobr.assistant.answer.matching.internal.IndexSnapshot.Slots;

/**
 * Scores a question against an {@link IndexSnapshot}: word weights from the snapshot's document frequencies,
 * coverage accumulated over the postings of the question's words, then the phrasing similarity of the best
 * candidates; the result is the best entry and the best entry of another topic ({@link Ranked}), from which
 * {@link LemmaMatcher} decides. Keeps no state of its own beyond per-thread scratch arrays, so one ranker serves
 * every snapshot and thread.
 */
final class Ranker {

    /** Result of ranking: the best entry and the best entry of another topic, with their scores. */
    record Ranked(IndexedEntry best, double bestScore, double bestCoverage, double bestSimilarity,
                  IndexedEntry runnerUp, double runnerUpScore) {
    }

    /** Per-thread scratch arrays of the ranking, reused across questions (no allocation per question). */
    private static final class Scratch {
        double[] acc = new double[0];
        float[] cur = new float[0];
        int[] stamp = new int[0];
        int[] touched = new int[0];
        int[] seen = new int[0];
        int epoch;

        void ensure(int n) {
            if (acc.length < n) {
                acc = new double[n];
                cur = new float[n];
                stamp = new int[n];
                touched = new int[n];
                seen = new int[n];
                epoch = 0;
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** For the general-Russian frequency of a word the base has never seen ({@link #generality}). */
    private final Morphology morphology;

    Ranker(Morphology morphology) {
        this.morphology = morphology;
    }

    /**
     * Weight of a term: normalised inverse document frequency of its most common reading, in (0, 1]; a term
     * no entry contains weighs {@code unknown}.
     */
    double weight(IndexSnapshot ix, Term t, double unknown) {
        int maxDf = 0;
        for (String f : t.forms()) {
            Postings p = ix.postings(f);
            if (p != null && p.slots().length > maxDf) {
                maxDf = p.slots().length;
            }
        }
        if (maxDf == 0) {
            return unknown * generality(t);
        }
        return Math.log((ix.size() + 1) / (maxDf + 0.5)) / ix.idfNorm();
    }

    /**
     * A word the base has never seen is either content the base does not cover (аттестация, логопед) or a
     * filler of everyday speech (понять, неделя, взять). General-Russian frequency tells them apart roughly:
     * common words (frequency class 17+) keep {@value #COMMON_SHARE} of the weight, rare ones all of it.
     */
    double generality(Term t) {
        if (t.unknown()) {
            return 1;
        }
        int f = 0;
        for (String form : t.forms()) {
            f = Math.max(f, morphology.frequency(form));
        }
        double share = (RARE_FROM - f) / (double) (RARE_FROM - COMMON_FROM);
        return Math.max(COMMON_SHARE, Math.min(1, share));
    }

    static final int COMMON_FROM = 17;
    static final int RARE_FROM = 8;
    static final double COMMON_SHARE = 0.3;

    /** Replaces words the dictionary does not know, and the index has never seen, by their closest known word. */
    List<Term> correctTypos(IndexSnapshot ix, List<Term> terms, Lexicon lexicon) {
        TypoCorrector typos = ix.typos();
        List<Term> out = null;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (!t.unknown() || typos.knows(t.forms()[0])) {
                continue;
            }
            String fixed = typos.correct(t.surface());
            if (fixed == null) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(terms);
            }
            List<String> concepts = lexicon.concepts().getOrDefault(fixed, List.of());
            out.set(i, new Term(t.surface(), new String[] {fixed}, concepts.toArray(String[]::new), false));
        }
        return out == null ? terms : out;
    }

    /**
     * Preference for an entry written for exactly the asker's organisation, when the asker is known — only over an
     * entry of the same topic: a college teacher asking about the journal gets the journal's entry, not the
     * college's general list, however the list's entry is written for colleges.
     */
    static final double AUDIENCE_BONUS = 0.1;

    /**
     * Ranks the entries for a question; {@code focus} scales each term's weight (the story around the question
     * counts less than the sentence that asks, see {@link TextAnalyzer#analyze}).
     */
    Ranked rank(IndexSnapshot ix, List<Term> terms, double[] focus, Asker asker, boolean askerKnown,
                MatcherSettings s, int candidates) {
        return rank(ix, terms, focus, null, asker, askerKnown, s, candidates, e -> true);
    }

    /**
     * As {@link #rank(IndexSnapshot, List, double[], Asker, boolean, MatcherSettings, int)}, but the best entry and
     * the runner-up are the best {@code eligible} candidates (an entry whose subject the question does not name can
     * neither answer it nor stand in another's way); when no candidate is eligible, the best of all is returned.
     * A term marked {@code neutral} (a word describing the asker, may be null) counts as explained by every
     * candidate and takes no part in the phrasing similarity.
     */
    Ranked rank(IndexSnapshot ix, List<Term> terms, double[] focus, boolean[] neutral, Asker asker,
                boolean askerKnown, MatcherSettings s, int candidates, Predicate<IndexedEntry> eligible) {
        Slots slots = ix.slots();
        int n = slots.count;
        double[] weights = new double[terms.size()];
        double total = 0;
        double explainedByAll = 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = weight(ix, terms.get(k), s.unknownWeight()) * focus[k];
            total += weights[k];
            if (neutral != null && neutral[k]) {
                explainedByAll += weights[k];
            }
        }
        Scratch sc = SCRATCH.get();
        sc.ensure(n);
        double[] acc = sc.acc;
        float[] cur = sc.cur;
        int[] stamp = sc.stamp;
        int[] touched = sc.touched;
        int[] seen = sc.seen; // every entry touched by this question, to reset acc afterwards
        int seenCount = 0;
        for (int k = 0; k < weights.length; k++) {
            Term t = terms.get(k);
            if (neutral != null && neutral[k]) {
                continue;
            }
            if (sc.epoch == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                sc.epoch = 0;
            }
            int stampValue = ++sc.epoch;
            int touchedCount = 0;
            for (int pass = 0; pass < 2; pass++) {
                String[] features = pass == 0 ? t.forms() : t.concepts();
                for (String f : features) {
                    float factor = pass == 0 ? 1f : (float) conceptFactor(f, s.conceptWeight());
                    Postings ps = ix.postings(f);
                    if (ps == null) {
                        continue;
                    }
                    touchedCount = strongest(ps, factor, stampValue, stamp, cur, touched, touchedCount);
                }
            }
            for (int x = 0; x < touchedCount; x++) {
                int e = touched[x];
                if (acc[e] == 0) {
                    seen[seenCount++] = e;
                }
                acc[e] += weights[k] * cur[e];
            }
        }
        // the best candidates by coverage, then the phrasing similarity for those only
        int[] top = new int[candidates];
        int topCount = 0;
        int askerBit = 1 << asker.ordinal();
        int worst = 0;
        for (int y = 0; y < seenCount; y++) {
            int e = seen[y];
            // the audience is looked up only for an entry that would enter the candidates
            if (acc[e] <= 0 || topCount == candidates && !(acc[e] > acc[top[worst]])
                    || (slots.mask(e) & askerBit) == 0) {
                continue;
            }
            if (topCount < candidates) {
                top[topCount++] = e;
                if (topCount == candidates) {
                    worst = worstOf(top, topCount, acc);
                }
            } else if (acc[e] > acc[top[worst]]) {
                top[worst] = e;
                worst = worstOf(top, topCount, acc);
            }
        }
        double[] simWeights = weights;
        if (explainedByAll > 0) {
            simWeights = weights.clone();
            for (int k = 0; k < simWeights.length; k++) {
                if (neutral[k]) {
                    simWeights[k] = 0;
                }
            }
        }
        double queryNorm = 0;
        for (double w : simWeights) {
            queryNorm += w * w;
        }
        queryNorm = Math.sqrt(queryNorm);
        IndexedEntry best = null;
        IndexedEntry second = null;
        double bestScore = 0;
        double bestCoverage = 0;
        double bestSim = 0;
        double[] scores = new double[topCount];
        double[] sims = new double[topCount];
        double[] coverages = new double[topCount];
        for (int x = 0; x < topCount; x++) {
            coverages[x] = total == 0 ? 0 : (acc[top[x]] + explainedByAll) / total;
        }
        for (int y = 0; y < seenCount; y++) {
            acc[seen[y]] = 0;
        }
        for (int x = 0; x < topCount; x++) {
            int e = top[x];
            double coverage = coverages[x];
            double sim = similarity(ix, terms, simWeights, queryNorm, e, s.conceptWeight());
            sims[x] = sim;
            scores[x] = s.coverageShare() * coverage + (1 - s.coverageShare()) * sim;
        }
        Integer[] order = new Integer[topCount];
        for (int x = 0; x < topCount; x++) {
            order[x] = x;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double secondScore = 0;
        if (topCount > 0) {
            int first = 0;
            while (first < topCount && !eligible.test(slots.get(top[order[first]]))) {
                first++;
            }
            boolean any = first < topCount;
            int b = order[any ? first : 0];
            if (askerKnown) {
                b = preferSpecific(b, order, topCount, top, scores, slots, askerBit, any ? eligible : e -> true);
            }
            best = slots.get(top[b]);
            bestScore = scores[b];
            bestCoverage = coverages[b];
            bestSim = sims[b];
            for (int x = any ? first + 1 : 1; x < topCount; x++) {
                IndexedEntry other = slots.get(top[order[x]]);
                if (any && !eligible.test(other)) {
                    continue;
                }
                if (!other.entry().topic().equals(best.entry().topic())) {
                    second = other;
                    secondScore = scores[order[x]];
                    break;
                }
            }
        }
        return new Ranked(best, bestScore, bestCoverage, bestSim, second, secondScore);
    }

    /**
     * Among the candidates of the best one's topic, the one written for exactly the asker's organisation when its
     * score with {@link #AUDIENCE_BONUS} passes the best one's; otherwise the best one.
     */
    private static int preferSpecific(int b, Integer[] order, int topCount, int[] top, double[] scores, Slots slots,
                                      int askerBit, Predicate<IndexedEntry> eligible) {
        int specificBit = askerBit << IndexSnapshot.SPECIFIC;
        if ((slots.mask(top[b]) & specificBit) != 0) {
            return b;
        }
        String topic = slots.get(top[b]).entry().topic();
        for (int x = 0; x < topCount; x++) {
            int c = order[x];
            IndexedEntry other = slots.get(top[c]);
            if (c != b && (slots.mask(top[c]) & specificBit) != 0 && other.entry().topic().equals(topic)
                    && scores[c] + AUDIENCE_BONUS > scores[b] && eligible.test(other)) {
                return c;
            }
        }
        return b;
    }

    /** The strongest occurrence of a term per entry, over one feature's postings; returns the touched count. */
    private static int strongest(Postings ps, float factor, int stampValue, int[] stamp, float[] cur, int[] touched,
                                 int touchedCount) {
        int[] ids = ps.slots();
        float[] str = ps.strength();
        for (int x = 0; x < ids.length; x++) {
            int e = ids[x];
            float v = str[x] * factor;
            if (stamp[e] != stampValue) {
                stamp[e] = stampValue;
                cur[e] = v;
                touched[touchedCount++] = e;
            } else if (v > cur[e]) {
                cur[e] = v;
            }
        }
        return touchedCount;
    }

    private static int worstOf(int[] top, int count, double[] acc) {
        int worst = 0;
        for (int x = 1; x < count; x++) {
            if (acc[top[x]] < acc[top[worst]]) {
                worst = x;
            }
        }
        return worst;
    }

    /** Weighted soft cosine between the question and the entry's closest phrasing. */
    private double similarity(IndexSnapshot ix, List<Term> terms, double[] weights, double queryNorm, int e,
                              double conceptWeight) {
        IndexedEntry entry = ix.slots().get(e);
        List<Term[]> ph = entry.phrasings();
        PhrasingWeights pws = phrasingWeights(ix, entry);
        double best = 0;
        for (int j = 0; j < ph.size(); j++) {
            Term[] p = ph.get(j);
            double[] pw = pws.weights()[j];
            double dot = 0;
            for (int k = 0; k < terms.size(); k++) {
                Term t = terms.get(k);
                double m = 0;
                for (int u = 0; u < p.length; u++) {
                    double sim = termSimilarity(t, p[u], conceptWeight);
                    if (sim > 0) {
                        m = Math.max(m, sim * pw[u]);
                    }
                }
                dot += weights[k] * m;
            }
            double norm = queryNorm * pws.norms()[j];
            if (norm > 0) {
                best = Math.max(best, dot / norm);
            }
        }
        return Math.min(1, best);
    }

    /** The weights of an entry's phrasing words and each phrasing's norm, under one snapshot. */
    record PhrasingWeights(long snapshot, double[][] weights, double[] norms) {
    }

    /**
     * The word weights of the entry's phrasings under a snapshot. They depend on the whole base (document
     * frequencies, its size), so they are not stored with the index but computed when the entry is first ranked
     * under the snapshot and memoised in the entry, stamped with the snapshot's version; a question under
     * another snapshot recomputes them. Any thread may compute and store them (the same values either way).
     */
    private PhrasingWeights phrasingWeights(IndexSnapshot ix, IndexedEntry entry) {
        long version = ix.version();
        PhrasingWeights memo = entry.memo().weights;
        if (memo != null && memo.snapshot() == version) {
            return memo;
        }
        List<Term[]> ph = entry.phrasings();
        double[][] w = new double[ph.size()][];
        double[] norms = new double[ph.size()];
        for (int j = 0; j < ph.size(); j++) {
            Term[] terms = ph.get(j);
            w[j] = new double[terms.length];
            double norm = 0;
            for (int k = 0; k < terms.length; k++) {
                w[j][k] = weight(ix, terms[k], 1.0);
                norm += w[j][k] * w[j][k];
            }
            norms[j] = Math.sqrt(norm);
        }
        PhrasingWeights computed = new PhrasingWeights(version, w, norms);
        entry.memo().weights = computed;
        return computed;
    }

    /** A concept synonym counts {@code conceptWeight}; a shared word-family prefix counts less. */
    static double conceptFactor(String feature, double conceptWeight) {
        return feature.startsWith(TextAnalyzer.PREFIX_MARK) ? conceptWeight * PREFIX_SHARE : conceptWeight;
    }

    static final double PREFIX_SHARE = 0.75;

    static double termSimilarity(Term a, Term b, double conceptWeight) {
        for (String f : a.forms()) {
            if (b.hasForm(f)) {
                return 1;
            }
        }
        for (String f : a.forms()) {
            if (contains(b.concepts(), f)) {
                return conceptWeight;
            }
        }
        double best = 0;
        for (String c : a.concepts()) {
            if (b.hasForm(c) || contains(b.concepts(), c)) {
                best = Math.max(best, conceptFactor(c, conceptWeight));
            }
        }
        return best;
    }

    private static boolean contains(String[] xs, String x) {
        for (String s : xs) {
            if (s.equals(x)) {
                return true;
            }
        }
        return false;
    }
}
