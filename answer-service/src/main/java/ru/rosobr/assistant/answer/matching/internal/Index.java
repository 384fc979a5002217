package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import ru.rosobr.assistant.answer.matching.MatcherSettings;

/**
 * An immutable snapshot of the verified entries: postings (feature → entries with the strength of the field it
 * occurs in), the document frequencies behind the word weights (the length of a feature's postings), the domain
 * gate and the typo corrector of this vocabulary. Read without locks.
 *
 * <p>A changed entry costs in proportion to that entry, not to the base ({@link #with}, {@link #without}):
 * every map is a {@link PersistentMap} and only the postings and document counts of the entry's own features are
 * copied (the postings of a word that most entries use are an int and a float per entry: microseconds even at
 * 10,000 entries); everything that depends on the size of the base (the IDF norm, the class sizes of the gate,
 * the weights of a phrasing's words) is computed when a question asks for it, from the counts, instead of being
 * stored per entry — with the same arithmetic as before, so the scores are the same to the last bit. Entries keep the slot (position) they were first indexed at, like a {@link LinkedHashMap}
 * keeps an edited key in place, so ties between equal scores fall the same way as in a full build of the same
 * entries ({@link #build}); the slot of a removed entry stays empty until so many are empty that the snapshot is
 * rebuilt compactly (in the same order).
 */
final class Index {

    /** Result of ranking: the best entry and the best entry of another topic, with their scores. */
    record Ranked(IndexedEntry best, double bestScore, double bestCoverage, double bestSimilarity,
                  IndexedEntry runnerUp, double runnerUpScore) {
    }

    /** The entries that contain a feature, ascending by slot, with the strength of the field it occurs in. */
    record Postings(int[] slots, float[] strength) {

        static Postings with(Postings p, int slot, float strength) {
            if (p == null) {
                return new Postings(new int[] {slot}, new float[] {strength});
            }
            int at = -Arrays.binarySearch(p.slots, slot) - 1;
            int n = p.slots.length;
            int[] s = new int[n + 1];
            float[] w = new float[n + 1];
            System.arraycopy(p.slots, 0, s, 0, at);
            System.arraycopy(p.strength, 0, w, 0, at);
            s[at] = slot;
            w[at] = strength;
            System.arraycopy(p.slots, at, s, at + 1, n - at);
            System.arraycopy(p.strength, at, w, at + 1, n - at);
            return new Postings(s, w);
        }

        /** Without the slot; null when nothing is left. */
        Postings without(int slot) {
            int at = Arrays.binarySearch(slots, slot);
            int n = slots.length;
            if (n == 1) {
                return null;
            }
            int[] s = new int[n - 1];
            float[] w = new float[n - 1];
            System.arraycopy(slots, 0, s, 0, at);
            System.arraycopy(strength, 0, w, 0, at);
            System.arraycopy(slots, at + 1, s, at, n - at - 1);
            System.arraycopy(strength, at + 1, w, at, n - at - 1);
            return new Postings(s, w);
        }

        /** The same entries (the slot array is shared), one strength changed. */
        Postings withStrength(int slot, float value) {
            float[] w = strength.clone();
            w[Arrays.binarySearch(slots, slot)] = value;
            return new Postings(slots, w);
        }
    }

    /**
     * Entries by slot, with their audience masks beside them for the ranking loop, in chunks: a change copies
     * one chunk and the short array of chunks, not the table.
     */
    private static final class Slots {

        static final int SHIFT = 8;
        static final int CHUNK = 1 << SHIFT;
        static final int MASK = CHUNK - 1;
        static final Slots EMPTY = new Slots(new IndexedEntry[0][], new int[0][], 0);

        final IndexedEntry[][] entries;
        /** Per slot: bits {@code 1 << asker.ordinal()} of the askers the entry may answer, and the same bits
         *  shifted by {@link #SPECIFIC} for the askers it is written for exactly; 0 for an empty slot. */
        final int[][] masks;
        final int count;

        Slots(IndexedEntry[][] entries, int[][] masks, int count) {
            this.entries = entries;
            this.masks = masks;
            this.count = count;
        }

        IndexedEntry get(int slot) {
            return entries[slot >>> SHIFT][slot & MASK];
        }

        int mask(int slot) {
            return masks[slot >>> SHIFT][slot & MASK];
        }

        static int mask(IndexedEntry e) {
            return e == null ? 0 : e.fitMask() | e.specificMask() << SPECIFIC;
        }

        static Slots of(List<IndexedEntry> list) {
            if (list.isEmpty()) {
                return EMPTY;
            }
            int chunks = (list.size() + MASK) >>> SHIFT;
            IndexedEntry[][] es = new IndexedEntry[chunks][CHUNK];
            int[][] ms = new int[chunks][CHUNK];
            for (int i = 0; i < list.size(); i++) {
                es[i >>> SHIFT][i & MASK] = list.get(i);
                ms[i >>> SHIFT][i & MASK] = mask(list.get(i));
            }
            return new Slots(es, ms, list.size());
        }

        Slots set(int slot, IndexedEntry e) {
            int c = slot >>> SHIFT;
            IndexedEntry[][] es = entries.clone();
            int[][] ms = masks.clone();
            es[c] = es[c].clone();
            ms[c] = ms[c].clone();
            es[c][slot & MASK] = e;
            ms[c][slot & MASK] = mask(e);
            return new Slots(es, ms, count);
        }

        Slots append(IndexedEntry e) {
            if ((count & MASK) == 0) {
                IndexedEntry[][] es = Arrays.copyOf(entries, entries.length + 1);
                int[][] ms = Arrays.copyOf(masks, masks.length + 1);
                es[es.length - 1] = new IndexedEntry[CHUNK];
                ms[ms.length - 1] = new int[CHUNK];
                return new Slots(es, ms, count + 1).set(count, e);
            }
            return new Slots(entries, masks, count + 1).set(count, e);
        }
    }

    private static final int SPECIFIC = 8;
    /** Empty slots tolerated before a change rebuilds the snapshot compactly (amortised over as many removals). */
    private static final int COMPACT_AFTER = 1024;

    private final Slots slots;
    private final PersistentMap<String, Integer> slotOf;
    /** Entries indexed (slots in use). */
    private final int size;
    private final PersistentMap<String, Postings> postings;
    private final double idfNorm;
    /** The gate of the example corpora alone, for a compacting rebuild. */
    private final DomainGate baseGate;
    private final DomainGate gate;
    private final TypoCorrector typos;
    private final float answerWeight;
    private final Morphology morphology;
    /** Distinguishes this snapshot from every other one (the stamp of memoised phrasing weights). */
    private final long version = VERSIONS.incrementAndGet();
    private static final AtomicLong VERSIONS = new AtomicLong();

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

    private Index(Slots slots, PersistentMap<String, Integer> slotOf, int size, PersistentMap<String, Postings> postings,
                  DomainGate baseGate, DomainGate gate, TypoCorrector typos, float answerWeight,
                  Morphology morphology) {
        this.slots = slots;
        this.slotOf = slotOf;
        this.size = size;
        this.postings = postings;
        this.idfNorm = Math.log((size + 1) / 0.5);
        this.baseGate = baseGate;
        this.gate = gate;
        this.typos = typos;
        this.answerWeight = answerWeight;
        this.morphology = morphology;
    }

    /**
     * A full build: the entries (distinct ids) in this order, over the gate of the example corpora
     * {@code baseGate}.
     */
    static Index build(List<IndexedEntry> list, DomainGate baseGate, double answerWeight, Morphology morphology) {
        float strengthOfAnswer = (float) answerWeight;
        Map<String, Integer> slotOf = new HashMap<>(list.size() * 2);
        Map<String, PostingsBuilder> raw = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            IndexedEntry e = list.get(i);
            slotOf.put(e.id(), i);
            for (String f : e.phraseFeatures()) {
                raw.computeIfAbsent(f, k -> new PostingsBuilder()).add(i, 1f);
            }
            for (String f : e.answerFeatures()) {
                raw.computeIfAbsent(f, k -> new PostingsBuilder()).add(i, strengthOfAnswer);
            }
        }
        if (slotOf.size() != list.size()) {
            throw new IllegalArgumentException("entry ids must be distinct");
        }
        Map<String, Postings> p = new HashMap<>(raw.size() * 2);
        raw.forEach((f, b) -> p.put(f, b.build()));
        DomainGate gate = baseGate.plus(list);
        return new Index(Slots.of(list), PersistentMap.of(slotOf), list.size(), PersistentMap.of(p), baseGate, gate,
                TypoCorrector.of(gate.vocabulary()), strengthOfAnswer, morphology);
    }

    private static final class PostingsBuilder {
        int[] slots = new int[4];
        float[] strength = new float[4];
        int n;

        void add(int slot, float s) {
            if (n == slots.length) {
                slots = Arrays.copyOf(slots, n * 2);
                strength = Arrays.copyOf(strength, n * 2);
            }
            slots[n] = slot;
            strength[n++] = s;
        }

        Postings build() {
            return new Postings(Arrays.copyOf(slots, n), Arrays.copyOf(strength, n));
        }
    }

    /** This snapshot with the entry added, or replacing the entry of its id in that entry's slot. */
    Index with(IndexedEntry entry) {
        return replace(entry.id(), entry);
    }

    /** This snapshot without the entry of this id ({@code this} when there is none). */
    Index without(String id) {
        return replace(id, null);
    }

    private Index replace(String id, IndexedEntry next) {
        Integer at = slotOf.get(id);
        IndexedEntry previous = at == null ? null : slots.get(at);
        if (previous == null && next == null) {
            return this;
        }
        int slot = at != null ? at : slots.count;
        Slots s = at == null ? slots.append(next) : slots.set(slot, next);
        PersistentMap<String, Integer> so = next == null ? slotOf.remove(id) : at == null ? slotOf.put(id, slot)
                : slotOf;
        // only the postings of the features of the old and the new version change
        Set<String> features = new HashSet<>();
        for (IndexedEntry e : new IndexedEntry[] {previous, next}) {
            if (e != null) {
                features.addAll(e.phraseFeatures());
                features.addAll(e.answerFeatures());
            }
        }
        PersistentMap<String, Postings> p = postings;
        for (String f : features) {
            float before = previous == null ? IndexedEntry.ABSENT : previous.strength(f, answerWeight);
            float after = next == null ? IndexedEntry.ABSENT : next.strength(f, answerWeight);
            if (before == after) {
                continue;
            }
            Postings old = p.get(f);
            Postings changed = after == IndexedEntry.ABSENT ? old.without(slot)
                    : before == IndexedEntry.ABSENT ? Postings.with(old, slot, after)
                    : old.withStrength(slot, after);
            p = changed == null ? p.remove(f) : p.put(f, changed);
        }
        List<String> entered = new ArrayList<>();
        List<String> left = new ArrayList<>();
        DomainGate g = gate.replace(previous, next, entered, left);
        TypoCorrector t = typos.with(g.vocabulary(), entered, left);
        int n = size + (next != null ? 1 : 0) - (previous != null ? 1 : 0);
        Index changed = new Index(s, so, n, p, baseGate, g, t, answerWeight, morphology);
        if (s.count - n > Math.max(COMPACT_AFTER, n)) {
            return build(changed.entries(), baseGate, answerWeight, morphology);
        }
        return changed;
    }

    /** The indexed entries in slot order. */
    List<IndexedEntry> entries() {
        List<IndexedEntry> out = new ArrayList<>(size);
        for (int i = 0; i < slots.count; i++) {
            IndexedEntry e = slots.get(i);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    DomainGate gate() {
        return gate;
    }

    int size() {
        return size;
    }

    /** Slots allocated, empty ones included. */
    int capacity() {
        return slots.count;
    }

    /** The postings of a feature as stored (tests check that a change leaves other features' postings shared). */
    Postings postings(String feature) {
        return postings.get(feature);
    }

    /**
     * Everything this snapshot holds, by entry id instead of slot and in sorted order, so that two snapshots of
     * the same entries compare equal however they were built (for tests).
     */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", entries().stream().map(IndexedEntry::id).toList());
        out.put("size", size);
        TreeMap<String, String> ids = new TreeMap<>();
        slotOf.forEach((id, slot) -> ids.put(id, slots.get(slot).id()));
        out.put("ids", ids);
        TreeMap<String, List<String>> ps = new TreeMap<>();
        postings.forEach((f, p) -> {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < p.slots().length; i++) {
                l.add(slots.get(p.slots()[i]).id() + ":" + p.strength()[i]);
            }
            ps.put(f, l);
        });
        out.put("postings", ps);
        TreeMap<String, DomainGate.Documents> vocabulary = new TreeMap<>();
        gate.vocabulary().forEach(vocabulary::put);
        out.put("gate", vocabulary);
        out.put("gateDocuments", List.of(gate.inDocuments(), gate.outDocuments()));
        out.put("typos", typos.describe());
        return out;
    }

    /**
     * Weight of a term: normalised inverse document frequency of its most common reading, in (0, 1]; a term
     * no entry contains weighs {@code unknown}.
     */
    double weight(Term t, double unknown) {
        int maxDf = 0;
        for (String f : t.forms()) {
            Postings p = postings.get(f);
            if (p != null && p.slots().length > maxDf) {
                maxDf = p.slots().length;
            }
        }
        if (maxDf == 0) {
            return unknown * generality(t);
        }
        return Math.log((size + 1) / (maxDf + 0.5)) / idfNorm;
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

    /** Preference for an entry written for exactly the asker's organisation, when the asker is known. */
    static final double AUDIENCE_BONUS = 0.1;

    /**
     * Ranks the entries for a question; {@code focus} scales each term's weight (the story around the question
     * counts less than the sentence that asks, see {@link TextAnalyzer#analyze}).
     */
    Ranked rank(List<Term> terms, double[] focus, Asker asker, boolean askerKnown, MatcherSettings s,
                int candidates) {
        return rank(terms, focus, asker, askerKnown, s, candidates, e -> true);
    }

    /**
     * As {@link #rank(List, double[], Asker, boolean, MatcherSettings, int)}, but the best entry and the runner-up
     * are the best {@code eligible} candidates (an entry whose subject the question does not name can neither answer
     * it nor stand in another's way); when no candidate is eligible, the best of all is returned.
     */
    Ranked rank(List<Term> terms, double[] focus, Asker asker, boolean askerKnown, MatcherSettings s,
                int candidates, java.util.function.Predicate<IndexedEntry> eligible) {
        int n = slots.count;
        double[] weights = new double[terms.size()];
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = weight(terms.get(k), s.unknownWeight()) * focus[k];
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
            if (askerKnown && (slots.mask(e) & askerBit << SPECIFIC) != 0) {
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
            int first = 0;
            while (first < topCount && !eligible.test(slots.get(top[order[first]]))) {
                first++;
            }
            boolean any = first < topCount;
            int b = order[any ? first : 0];
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
    private double similarity(List<Term> terms, double[] weights, double queryNorm, int e, double conceptWeight) {
        IndexedEntry entry = slots.get(e);
        List<Term[]> ph = entry.phrasings();
        PhrasingWeights pws = phrasingWeights(entry);
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
     * The word weights of the entry's phrasings under this snapshot. They depend on the whole base (document
     * frequencies, its size), so they are not stored with the index but computed when the entry is first ranked
     * under this snapshot and memoised in the entry, stamped with the snapshot's version; a question under
     * another snapshot recomputes them. Any thread may compute and store them (the same values either way).
     */
    private PhrasingWeights phrasingWeights(IndexedEntry entry) {
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
                w[j][k] = weight(terms[k], 1.0);
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
