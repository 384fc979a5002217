package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ru.rosobr.assistant.answer.matching.MatcherSettings;

/**
 * An immutable snapshot of the verified entries: postings (feature → entries with the strength of the field it
 * occurs in), document frequencies for the word weights, the domain gate and the typo corrector of this
 * vocabulary. Built by {@link LemmaMatcher} on every change; read without locks.
 */
final class Index {

    /** Result of ranking: the best entry and the best entry of another topic, with their scores. */
    record Ranked(IndexedEntry best, double bestScore, double bestCoverage, double bestSimilarity,
                  IndexedEntry runnerUp, double runnerUpScore) {
    }

    private record Postings(int[] entries, float[] strength) {
    }

    private final IndexedEntry[] entries;
    private final Map<String, Postings> postings;
    private final Map<String, Integer> df;
    private final double idfNorm;
    /** Per entry, per phrasing: the weight of each term, and the phrasing's norm. */
    private final double[][][] phrasingWeights;
    private final double[][] phrasingNorms;
    private final DomainGate gate;
    private final TypoCorrector typos;
    /** Per entry: bit {@code 1 << asker.ordinal()} set when the entry may answer that asker; and when it is
     *  written for exactly that asker. */
    private final int[] fitMask;
    private final int[] specificMask;

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

    private final Morphology morphology;

    Index(List<IndexedEntry> list, DomainGate gate, TypoCorrector typos, double answerWeight, Morphology morphology) {
        this.morphology = morphology;
        this.entries = list.toArray(IndexedEntry[]::new);
        this.gate = gate;
        this.typos = typos;
        Map<String, List<int[]>> raw = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
            IndexedEntry e = entries[i];
            for (String f : e.phraseFeatures()) {
                raw.computeIfAbsent(f, k -> new ArrayList<>()).add(new int[] {i, 1});
                counts.merge(f, 1, Integer::sum);
            }
            for (String f : e.answerFeatures()) {
                raw.computeIfAbsent(f, k -> new ArrayList<>()).add(new int[] {i, 0});
                counts.merge(f, 1, Integer::sum);
            }
        }
        Map<String, Postings> p = new HashMap<>(raw.size() * 2);
        raw.forEach((f, list2) -> {
            int[] ids = new int[list2.size()];
            float[] s = new float[list2.size()];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = list2.get(k)[0];
                s[k] = list2.get(k)[1] == 1 ? 1f : (float) answerWeight;
            }
            p.put(f, new Postings(ids, s));
        });
        this.postings = p;
        this.df = counts;
        this.idfNorm = Math.log((entries.length + 1) / 0.5);
        this.fitMask = new int[entries.length];
        this.specificMask = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            for (Asker a : Asker.values()) {
                if (LemmaMatcher.fits(entries[i].entry().audience(), a)) {
                    fitMask[i] |= 1 << a.ordinal();
                }
                if (LemmaMatcher.specific(entries[i].entry().audience(), a)) {
                    specificMask[i] |= 1 << a.ordinal();
                }
            }
        }
        this.phrasingWeights = new double[entries.length][][];
        this.phrasingNorms = new double[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            List<Term[]> ph = entries[i].phrasings();
            phrasingWeights[i] = new double[ph.size()][];
            phrasingNorms[i] = new double[ph.size()];
            for (int j = 0; j < ph.size(); j++) {
                Term[] terms = ph.get(j);
                double[] w = new double[terms.length];
                double norm = 0;
                for (int k = 0; k < terms.length; k++) {
                    w[k] = weight(terms[k], 1.0);
                    norm += w[k] * w[k];
                }
                phrasingWeights[i][j] = w;
                phrasingNorms[i][j] = Math.sqrt(norm);
            }
        }
    }

    DomainGate gate() {
        return gate;
    }

    int size() {
        return entries.length;
    }

    /**
     * Weight of a term: normalised inverse document frequency of its most common reading, in (0, 1]; a term
     * no entry contains weighs {@code unknown}.
     */
    double weight(Term t, double unknown) {
        int maxDf = 0;
        for (String f : t.forms()) {
            Integer d = df.get(f);
            if (d != null && d > maxDf) {
                maxDf = d;
            }
        }
        if (maxDf == 0) {
            return unknown * generality(t);
        }
        return Math.log((entries.length + 1) / (maxDf + 0.5)) / idfNorm;
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
    List<Term> correctTypos(List<Term> terms, Lexicon lexicon) {
        List<Term> out = null;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (!t.unknown() || typos.vocabulary().contains(t.forms()[0])) {
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

    /** Preference for an entry written for exactly the asker's organisation, when the asker is known. */
    static final double AUDIENCE_BONUS = 0.1;

    Ranked rank(List<Term> terms, Asker asker, boolean askerKnown, MatcherSettings s, int candidates) {
        int n = entries.length;
        double[] weights = new double[terms.size()];
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = weight(terms.get(k), s.unknownWeight());
            total += weights[k];
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
            if (sc.epoch == Integer.MAX_VALUE) {
                java.util.Arrays.fill(stamp, 0);
                sc.epoch = 0;
            }
            int stampValue = ++sc.epoch;
            int touchedCount = 0;
            for (int pass = 0; pass < 2; pass++) {
                String[] features = pass == 0 ? t.forms() : t.concepts();
                for (String f : features) {
                    float factor = pass == 0 ? 1f : (float) conceptFactor(f, s.conceptWeight());
                    Postings ps = postings.get(f);
                    if (ps == null) {
                        continue;
                    }
                    int[] ids = ps.entries();
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
            if (acc[e] <= 0 || (fitMask[e] & askerBit) == 0) {
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
        double queryNorm = 0;
        for (double w : weights) {
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
            coverages[x] = total == 0 ? 0 : acc[top[x]] / total;
        }
        for (int y = 0; y < seenCount; y++) {
            acc[seen[y]] = 0;
        }
        for (int x = 0; x < topCount; x++) {
            int e = top[x];
            double coverage = coverages[x];
            double sim = similarity(terms, weights, queryNorm, e, s.conceptWeight());
            sims[x] = sim;
            scores[x] = s.coverageShare() * coverage + (1 - s.coverageShare()) * sim;
            if (askerKnown && (specificMask[e] & askerBit) != 0) {
                scores[x] = Math.min(1, scores[x] + AUDIENCE_BONUS);
            }
        }
        Integer[] order = new Integer[topCount];
        for (int x = 0; x < topCount; x++) {
            order[x] = x;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double secondScore = 0;
        if (topCount > 0) {
            int b = order[0];
            best = entries[top[b]];
            bestScore = scores[b];
            bestCoverage = coverages[b];
            bestSim = sims[b];
            for (int x = 1; x < topCount; x++) {
                IndexedEntry other = entries[top[order[x]]];
                if (!other.entry().topic().equals(best.entry().topic())) {
                    second = other;
                    secondScore = scores[order[x]];
                    break;
                }
            }
        }
        return new Ranked(best, bestScore, bestCoverage, bestSim, second, secondScore);
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
    private double similarity(List<Term> terms, double[] weights, double queryNorm, int e, double conceptWeight) {
        List<Term[]> ph = entries[e].phrasings();
        double best = 0;
        for (int j = 0; j < ph.size(); j++) {
            Term[] p = ph.get(j);
            double[] pw = phrasingWeights[e][j];
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
            double norm = queryNorm * phrasingNorms[e][j];
            if (norm > 0) {
                best = Math.max(best, dot / norm);
            }
        }
        return Math.min(1, best);
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
