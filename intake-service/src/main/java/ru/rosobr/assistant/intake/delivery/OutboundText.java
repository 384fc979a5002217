package ru.rosobr.assistant.intake.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text longer than a platform's limit into parts at the most natural boundary that fits: a paragraph,
 * else a line, else a sentence, else a word; a part is cut mid-word only when a single word exceeds the limit.
 */
public final class OutboundText {

    private OutboundText() {
    }

    public static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2: " + limit);
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = cutPoint(rest, limit);
            String part = rest.substring(0, cut).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Where to end the first part: just after the last boundary within the limit. */
    private static int cutPoint(String s, int limit) {
        String window = s.substring(0, limit);
        // a boundary in the first third would leave a tiny part: keep looking for a weaker one further on
        int floor = limit / 3;
        int paragraph = window.lastIndexOf("\n\n");
        if (paragraph >= floor) {
            return paragraph + 2;
        }
        int line = window.lastIndexOf('\n');
        if (line >= floor) {
            return line + 1;
        }
        int sentence = lastSentenceEnd(window);
        if (sentence >= floor) {
            return sentence;
        }
        int space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\t'));
        if (space >= floor) {
            return space + 1;
        }
        // a surrogate pair is never cut in half
        return Character.isHighSurrogate(s.charAt(limit - 1)) ? limit - 1 : limit;
    }

    /** The index just after the last ". ", "! ", "? " or "… " in the window, or -1. */
    private static int lastSentenceEnd(String window) {
        for (int i = window.length() - 2; i >= 0; i--) {
            char c = window.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '…' || c == ';')
                    && Character.isWhitespace(window.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }
}
