package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Case and ё/е folding, and splitting into word tokens (letters and digits; everything else separates). */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    public static List<String> tokens(String text) {
        String s = fold(text);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }
}
