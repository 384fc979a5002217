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

    /**
     * Splits a message into sentences: after «?», «!», «…» and line breaks always; after a full stop only
     * when an upper-case letter follows, so that abbreviations (кл. рук., т. е., п/о) stay inside their sentence.
     */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end;
            if (c == '\n') {
                end = true;
            } else if (c == '?' || c == '!' || c == '…') {
                end = i + 1 >= n || Character.isWhitespace(text.charAt(i + 1));
            } else if (c == '.') {
                int j = i + 1;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                end = j > i + 1 && j < n && Character.isUpperCase(text.charAt(j));
            } else {
                end = false;
            }
            if (end) {
                add(out, text.substring(start, i + 1));
                start = i + 1;
            }
        }
        add(out, text.substring(start));
        return out;
    }

    private static void add(List<String> out, String sentence) {
        if (!sentence.isBlank()) {
            out.add(sentence.strip());
        }
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
