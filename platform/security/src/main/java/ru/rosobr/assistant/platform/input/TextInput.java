package ru.rosobr.assistant.platform.input;

import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Checks of text from outside before it reaches PostgreSQL, which refuses the NUL character in text (and in JSON
 * text stored as jsonb) with an error that would otherwise surface as a 500.
 */
public final class TextInput {

    /** The reason for the user, to follow the field's name. */
    public static final String NUL_REASON = "содержит недопустимый символ NUL (\\u0000)";

    private TextInput() {
    }

    /** True when the text (null counts as none) has a NUL character. */
    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** The first of the named values that has a NUL character, by name; empty when none has. */
    public static Optional<String> firstWithNul(Map<String, String> named) {
        return named.entrySet().stream().filter(e -> hasNul(e.getValue())).map(Map.Entry::getKey).findFirst();
    }

    /** The JSON path ({@code a.b[0]}) of the first property name or string with a NUL character; empty if none. */
    public static Optional<String> nulIn(JsonNode node) {
        return nulIn(node, "$");
    }

    private static Optional<String> nulIn(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isString()) {
            return hasNul(node.asString()) ? Optional.of(path) : Optional.empty();
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String at = path + "." + e.getKey();
                if (hasNul(e.getKey())) {
                    return Optional.of(at);
                }
                Optional<String> inside = nulIn(e.getValue(), at);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> inside = nulIn(node.get(i), path + "[" + i + "]");
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }
}
