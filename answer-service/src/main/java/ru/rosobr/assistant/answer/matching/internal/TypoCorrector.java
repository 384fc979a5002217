package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Corrects a word the dictionary does not know to a word of the index vocabulary within Damerau–Levenshtein
 * distance 1 (2 for words of 8 letters and more): журнла → журнал, учителй → учитель, портфолео → портфолио.
 * A symmetric-delete index (every word and its one-letter deletions) finds the candidates without scanning the
 * vocabulary. Only the index's own vocabulary is a target, so an unknown word is never "corrected" into a word
 * that would not match anything anyway. Immutable.
 */
final class TypoCorrector {

    private static final int MIN_LENGTH = 4;

    private final Map<String, List<String>> deletes = new HashMap<>();
    private final Map<String, Integer> frequency;

    TypoCorrector(Map<String, Integer> vocabulary) {
        this.frequency = vocabulary;
        for (String w : vocabulary.keySet()) {
            if (w.length() < MIN_LENGTH || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            deletes.computeIfAbsent(w, k -> new ArrayList<>(1)).add(w);
            for (int i = 0; i < w.length(); i++) {
                deletes.computeIfAbsent(w.substring(0, i) + w.substring(i + 1), k -> new ArrayList<>(1)).add(w);
            }
        }
    }

    /** The closest vocabulary word, or null. Ties go to the word used by more entries. */
    String correct(String word) {
        if (word.length() < MIN_LENGTH || !Character.isLetter(word.charAt(0))) {
            return null;
        }
        int allowed = word.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestFrequency = -1;
        List<String> keys = new ArrayList<>(word.length() + 1);
        keys.add(word);
        for (int i = 0; i < word.length(); i++) {
            keys.add(word.substring(0, i) + word.substring(i + 1));
        }
        for (String key : keys) {
            List<String> candidates = deletes.get(key);
            if (candidates == null) {
                continue;
            }
            for (String c : candidates) {
                int d = distance(word, c, allowed);
                int f = frequency.getOrDefault(c, 0);
                if (d <= allowed && (d < bestDistance || d == bestDistance && f > bestFrequency)) {
                    best = c;
                    bestDistance = d;
                    bestFrequency = f;
                }
            }
        }
        return best;
    }

    Set<String> vocabulary() {
        return frequency.keySet();
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
