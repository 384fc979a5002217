package ru.rosobr.assistant.answer.matching.internal;

import java.util.Arrays;

/**
 * One content word of a text: its lemmas ({@code forms}; the Snowball stem when the dictionary does not know the
 * word), the wider concepts it also stands for (обязан → обязанность), and whether the dictionary knew it.
 */
public record Term(String surface, String[] forms, String[] concepts, boolean unknown) {

    public boolean hasForm(String f) {
        for (String x : forms) {
            if (x.equals(f)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return surface + Arrays.toString(forms) + (concepts.length == 0 ? "" : "~" + Arrays.toString(concepts))
                + (unknown ? "?" : "");
    }
}
