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

/**
 * An immutable snapshot of the verified entries: postings (feature → entries with the strength of the field it
 * occurs in), the document frequencies behind the word weights (the length of a feature's postings), the domain
 * gate and the typo corrector of this vocabulary. Read without locks. It holds data only: the {@link Ranker}
 * scores a question against it.
 *
 * <p>A changed entry costs in proportion to that entry, not to the base ({@link #with}, {@link #without}):
 * every map is a {@link PersistentMap} and only the postings and document counts of the entry's own features are
 * copied (the postings of a word that most entries use are an int and a float per entry: microseconds even at
 * 10,000 entries); everything that depends on the size of the base (the IDF norm, the class sizes of the gate,
 * the weights of a phrasing's words) is computed by the {@link Ranker} when a question asks for it, from the
 * counts, instead of being stored per entry — with the same arithmetic as a stored value, so the scores are the same
 * to the last bit. Entries keep the slot (position) they were first indexed at, like a {@link LinkedHashMap}
 * keeps an edited key in place, so ties between equal scores fall the same way as in a full build of the same
 * entries ({@link #build}); the slot of a removed entry stays empty until so many are empty that the snapshot is
 * rebuilt compactly (in the same order).
 */
final class IndexSnapshot {

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
    static final class Slots {

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

    /** Shift of the "written for exactly this asker" bits in a slot's mask (see {@link Slots#masks}). */
    static final int SPECIFIC = 8;
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
    /** Distinguishes this snapshot from every other one (the stamp of memoised phrasing weights). */
    private final long version = VERSIONS.incrementAndGet();
    private static final AtomicLong VERSIONS = new AtomicLong();

    private IndexSnapshot(Slots slots, PersistentMap<String, Integer> slotOf, int size,
                          PersistentMap<String, Postings> postings, DomainGate baseGate, DomainGate gate,
                          TypoCorrector typos, float answerWeight) {
        this.slots = slots;
        this.slotOf = slotOf;
        this.size = size;
        this.postings = postings;
        this.idfNorm = Math.log((size + 1) / 0.5);
        this.baseGate = baseGate;
        this.gate = gate;
        this.typos = typos;
        this.answerWeight = answerWeight;
    }

    /**
     * A full build: the entries (distinct ids) in this order, over the gate of the example corpora
     * {@code baseGate}.
     */
    static IndexSnapshot build(List<IndexedEntry> list, DomainGate baseGate, double answerWeight) {
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
        return new IndexSnapshot(Slots.of(list), PersistentMap.of(slotOf), list.size(), PersistentMap.of(p), baseGate,
                gate, TypoCorrector.of(gate.vocabulary()), strengthOfAnswer);
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
    IndexSnapshot with(IndexedEntry entry) {
        return replace(entry.id(), entry);
    }

    /** This snapshot without the entry of this id ({@code this} when there is none). */
    IndexSnapshot without(String id) {
        return replace(id, null);
    }

    private IndexSnapshot replace(String id, IndexedEntry next) {
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
        IndexSnapshot changed = new IndexSnapshot(s, so, n, p, baseGate, g, t, answerWeight);
        if (s.count - n > Math.max(COMPACT_AFTER, n)) {
            return build(changed.entries(), baseGate, answerWeight);
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

    /** The typo corrector of this vocabulary. */
    TypoCorrector typos() {
        return typos;
    }

    /** The stamp of weights memoised under this snapshot (see {@link Ranker}). */
    long version() {
        return version;
    }

    /** {@code log((size + 1) / 0.5)}: the inverse document frequency of a feature no entry has, the weights' norm. */
    double idfNorm() {
        return idfNorm;
    }

    /** The entries by slot, with their audience masks (the ranking loop reads them directly). */
    Slots slots() {
        return slots;
    }

    int size() {
        return size;
    }

    /** Slots allocated, empty ones included. */
    int capacity() {
        return slots.count;
    }

    /**
     * The postings of a feature as stored, null when no entry has it (the ranking reads them; tests check that a
     * change leaves other features' postings shared).
     */
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
}
