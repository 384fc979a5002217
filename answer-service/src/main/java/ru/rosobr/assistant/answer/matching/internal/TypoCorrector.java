package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Corrects a word the dictionary does not know to a word of the index vocabulary within Damerau–Levenshtein
 * distance 1 (2 for words of 8 letters and more): журнла → журнал, учителй → учитель, портфолео → портфолио.
 * A symmetric-delete index (every word and its one-letter deletions → the words, sorted) finds the candidates
 * without scanning the vocabulary. Only the index's own vocabulary is a target, so an unknown word is never
 * "corrected" into a word that would not match anything anyway.
 *
 * <p>Immutable; {@link #with} returns a corrector that shares all but the deletion keys of the words that entered
 * or left the vocabulary. Ties (same distance, same number of documents) go to the candidate met first: deletion
 * keys in a fixed order, the words of a key in alphabetical order — so the result depends only on the vocabulary,
 * not on the order in which it was built.
 */
final class TypoCorrector {

    private static final int MIN_LENGTH = 4;

    private final PersistentMap<String, String[]> deletes;
    private final PersistentMap<String, DomainGate.Documents> vocabulary;

    private TypoCorrector(PersistentMap<String, DomainGate.Documents> vocabulary,
                          PersistentMap<String, String[]> deletes) {
        this.vocabulary = vocabulary;
        this.deletes = deletes;
    }

    /** A full build over the vocabulary (feature → document counts; the sum is the word's frequency). */
    static TypoCorrector of(PersistentMap<String, DomainGate.Documents> vocabulary) {
        Map<String, TreeSet<String>> keys = new HashMap<>();
        vocabulary.forEach((w, c) -> {
            if (eligible(w)) {
                for (String k : keys(w)) {
                    keys.computeIfAbsent(k, x -> new TreeSet<>()).add(w);
                }
            }
        });
        Map<String, String[]> m = new HashMap<>(keys.size() * 2);
        keys.forEach((k, words) -> m.put(k, words.toArray(String[]::new)));
        return new TypoCorrector(vocabulary, PersistentMap.of(m));
    }

    /** This corrector over a changed vocabulary, in which {@code entered} are new words and {@code left} gone. */
    TypoCorrector with(PersistentMap<String, DomainGate.Documents> newVocabulary, Collection<String> entered,
                       Collection<String> left) {
        PersistentMap<String, String[]> d = deletes;
        for (String w : left) {
            if (eligible(w)) {
                for (String k : keys(w)) {
                    String[] words = d.get(k);
                    int i = words == null ? -1 : Arrays.binarySearch(words, w);
                    if (i < 0) {
                        continue;
                    }
                    if (words.length == 1) {
                        d = d.remove(k);
                    } else {
                        String[] a = new String[words.length - 1];
                        System.arraycopy(words, 0, a, 0, i);
                        System.arraycopy(words, i + 1, a, i, words.length - i - 1);
                        d = d.put(k, a);
                    }
                }
            }
        }
        for (String w : entered) {
            if (eligible(w)) {
                for (String k : keys(w)) {
                    String[] words = d.get(k);
                    if (words == null) {
                        d = d.put(k, new String[] {w});
                        continue;
                    }
                    int i = Arrays.binarySearch(words, w);
                    if (i >= 0) {
                        continue;
                    }
                    int at = -i - 1;
                    String[] a = new String[words.length + 1];
                    System.arraycopy(words, 0, a, 0, at);
                    a[at] = w;
                    System.arraycopy(words, at, a, at + 1, words.length - at);
                    d = d.put(k, a);
                }
            }
        }
        return new TypoCorrector(newVocabulary, d);
    }

    private static boolean eligible(String w) {
        return w.length() >= MIN_LENGTH && Character.isLetter(w.charAt(0));
    }

    /** The word and its one-letter deletions, each once, in the order of the deleted position. */
    private static List<String> keys(String word) {
        List<String> keys = new ArrayList<>(word.length() + 1);
        keys.add(word);
        for (int i = 0; i < word.length(); i++) {
            String k = word.substring(0, i) + word.substring(i + 1);
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** The closest vocabulary word, or null. Ties go to the word used by more documents. */
    String correct(String word) {
        if (!eligible(word)) {
            return null;
        }
        int allowed = word.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestFrequency = -1;
        for (String key : keys(word)) {
            String[] candidates = deletes.get(key);
            if (candidates == null) {
                continue;
            }
            for (String c : candidates) {
                int d = distance(word, c, allowed);
                DomainGate.Documents docs = vocabulary.get(c);
                int f = docs == null ? 0 : docs.total();
                if (d <= allowed && (d < bestDistance || d == bestDistance && f > bestFrequency)) {
                    best = c;
                    bestDistance = d;
                    bestFrequency = f;
                }
            }
        }
        return best;
    }

    /** Deletion key → words, sorted (for tests comparing two builds). */
    SortedMap<String, List<String>> describe() {
        SortedMap<String, List<String>> out = new TreeMap<>();
        deletes.forEach((k, words) -> out.put(k, List.of(words)));
        return out;
    }

    boolean knows(String word) {
        return vocabulary.containsKey(word);
    }

    /** Optimal-string-alignment distance, giving up early beyond {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[n][m];
    }
}
