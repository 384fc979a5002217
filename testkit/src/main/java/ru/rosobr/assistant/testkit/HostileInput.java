package ru.rosobr.assistant.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * Hostile variants of valid input, drawn from a {@link Random} the caller seeds (so that every variant can be made
 * again from the seed): a valid JSON body with values of the wrong type, nulls, missing or extra fields, NUL and
 * control characters, very long strings, unicode edge cases, huge, negative and fractional numbers, arrays for
 * objects, truncated or not-JSON-at-all bodies, invalid UTF-8 and wrong content types; and hostile path and query
 * values. Each variant says what was done to it, for the failure message.
 */
public final class HostileInput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings a careless parser, database column or hash stumbles on. */
    private static final List<String> NASTY_STRINGS = List.of(
            "", " ", "\t\n", "\u0000", "a\u0000b", "\u0001\u0007\u001b[31m", "\r\n\r\n", "null", "undefined",
            "\ud800", "\udfff", "😀", "👩‍👩‍👧‍👦", "\u202e\u0644\u0639\u0631\u0628\u064a\u0629", "\u200b\ufeff",
            "e\u0301\u0301\u0301", "\uffff\ufffe", "'; drop table x; --", "%s%n%x", "${jndi:ldap://x}", "../../etc",
            "<script>alert(1)</script>", "-1", "0", "1e309", "NaN", "true", "[]", "{}", "\\", "\"", "ё".repeat(73),
            "00000000-0000-0000-0000-000000000000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz");

    private static final List<String> HUGE_NUMBERS = List.of(
            "1e400", "-1e400", "99999999999999999999999999999999", "-99999999999999999999999999999999",
            "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "-1", "0", "-0", "0.5",
            "1.0000000000000000001", "1E3", "123456789012345678901234567890.5", "4.9e-324");

    /** A variant: the body (null for none), its content type (null for none) and what was done. */
    public record Body(byte[] bytes, String contentType, String description) {
    }

    private HostileInput() {
    }

    /**
     * A hostile variant of a valid JSON body: one to three mutations of its tree (three in four draws), or a body
     * that is broken as a whole.
     */
    public static Body body(Random random, String validJson) {
        if (random.nextInt(4) == 0) {
            return broken(random, validJson);
        }
        JsonNode root = parse(validJson);
        List<String> done = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            root = mutate(random, root, done);
        }
        return new Body(utf8(EventCodec.mapper().writeValueAsString(root)), "application/json",
                String.join("; ", done));
    }

    /** UTF-8 of JSON text; a lone surrogate (only ever inside a string) is written as its JSON escape. */
    private static byte[] utf8(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (paired) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A hostile value for a path variable or query parameter, given a valid one. */
    public static String value(Random random, String valid) {
        return switch (random.nextInt(6)) {
            // long, but the request line stays under the servers' 4 KB limit: a 414 from Netty tests nothing of ours
            case 0 -> pick(random, List.of("a", "я", "1")).repeat(pick(random, List.of(101, 256, 301, 600)));
            case 1 -> HUGE_NUMBERS.get(random.nextInt(HUGE_NUMBERS.size()));
            case 2 -> valid == null ? pick(random, NASTY_STRINGS) : valid + pick(random, NASTY_STRINGS);
            case 3 -> valid == null || valid.isEmpty() ? "x" : valid.substring(0, random.nextInt(valid.length()));
            default -> pick(random, NASTY_STRINGS);
        };
    }

    private static JsonNode mutate(Random random, JsonNode root, List<String> done) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        String path = paths.get(random.nextInt(paths.size()));
        if (path.isEmpty()) {
            // the root itself: only whole-value replacements make sense
            JsonNode replacement = replacement(random, root, done, "$");
            return replacement;
        }
        JsonNode parent = root.at(parentPointer(path));
        String last = path.substring(path.lastIndexOf('/') + 1);
        String where = "$" + path.replace('/', '.');
        int action = random.nextInt(10);
        if (parent instanceof ObjectNode object) {
            if (action == 0) {
                object.remove(unescape(last));
                done.add("removed " + where);
                return root;
            }
            if (action == 1) {
                String extra = random.nextBoolean() ? "unexpected" + random.nextInt(100) : unescape(last) + "_";
                object.set(extra, randomValue(random));
                done.add("extra field " + extra + " next to " + where);
                return root;
            }
            object.set(unescape(last), replacement(random, object.get(unescape(last)), done, where));
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (action == 0) {
                array.remove(index);
                done.add("removed " + where);
                return root;
            }
            if (action == 1) {
                array.insertNull(index);
                done.add("null item inserted at " + where);
                return root;
            }
            array.set(index, replacement(random, array.get(index), done, where));
        }
        return root;
    }

    /** A value in place of {@code node}: of another type, or of the same type but hostile. */
    private static JsonNode replacement(Random random, JsonNode node, List<String> done, String where) {
        switch (random.nextInt(8)) {
            case 0 -> {
                done.add("null at " + where);
                return NODES.nullNode();
            }
            case 1 -> {
                JsonNode other = randomValue(random);
                done.add("type swap at " + where + " → " + other.getNodeType());
                return other;
            }
            case 2 -> {
                done.add("wrapped in array at " + where);
                return NODES.arrayNode().add(node.deepCopy());
            }
            case 3 -> {
                done.add("wrapped in object at " + where);
                return NODES.objectNode().set("value", node.deepCopy());
            }
            case 4 -> {
                done.add("as string at " + where);
                return NODES.stringNode(node.isString() ? node.asString() + "\u0000" : node.toString());
            }
            default -> {
                if (node.isNumber()) {
                    String n = pick(random, HUGE_NUMBERS);
                    done.add("number " + n + " at " + where);
                    return EventCodec.mapper().readTree(n);
                }
                if (node.isString()) {
                    String s = hostileString(random, node.asString());
                    done.add("string «" + abbreviate(s) + "» (" + s.length() + " chars) at " + where);
                    return NODES.stringNode(s);
                }
                if (node.isArray()) {
                    ArrayNode array = (ArrayNode) node.deepCopy();
                    int extra = random.nextInt(3) == 0 ? 1000 + random.nextInt(5000) : 1 + random.nextInt(3);
                    for (int i = 0; i < extra; i++) {
                        array.add(array.isEmpty() || random.nextBoolean() ? randomValue(random)
                                : array.get(random.nextInt(array.size())).deepCopy());
                    }
                    done.add(extra + " more items (copies or junk) in " + where);
                    return array;
                }
                if (node.isObject()) {
                    done.add("emptied object at " + where);
                    return NODES.objectNode();
                }
                JsonNode other = randomValue(random);
                done.add("type swap at " + where + " → " + other.getNodeType());
                return other;
            }
        }
    }

    private static String hostileString(Random random, String valid) {
        return switch (random.nextInt(5)) {
            case 0 -> longString(random);
            case 1 -> valid + "\u0000";
            case 2 -> {
                int at = valid.isEmpty() ? 0 : random.nextInt(valid.length());
                yield valid.substring(0, at) + pick(random, NASTY_STRINGS) + valid.substring(at);
            }
            default -> pick(random, NASTY_STRINGS);
        };
    }

    private static String longString(Random random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> 256 + random.nextInt(64);
            case 1 -> 4001 + random.nextInt(100);
            case 2 -> 10_000 + random.nextInt(1000);
            default -> 100_000 + random.nextInt(1000);
        };
        String unit = pick(random, List.of("a", "я", "😀", "1", " "));
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> EventCodec.mapper().readTree(pick(random, HUGE_NUMBERS));
            case 3 -> NODES.stringNode(pick(random, NASTY_STRINGS));
            case 4 -> NODES.arrayNode().addNull().add(1).add("x");
            case 5 -> NODES.objectNode().put("a", 1);
            case 6 -> NODES.numberNode(random.nextInt());
            default -> NODES.stringNode(longString(random));
        };
    }

    /** A body broken as a whole: not JSON, not UTF-8, truncated, nested too deep, of another content type. */
    private static Body broken(Random random, String validJson) {
        byte[] valid = validJson.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            case 0 -> new Body(new byte[0], "application/json", "empty body");
            case 1 -> new Body(null, null, "no body, no content type");
            case 2 -> {
                int at = valid.length <= 1 ? 0 : 1 + random.nextInt(valid.length - 1);
                yield new Body(java.util.Arrays.copyOf(valid, at), "application/json", "truncated at byte " + at);
            }
            case 3 -> {
                String s = pick(random, List.of("null", "[]", "[null]", "\"text\"", "123", "true", "{", "}", "[{}]",
                        "{\"a\":}", "{'a':1}", "{\"a\":1,}", "NaN"));
                yield new Body(s.getBytes(StandardCharsets.UTF_8), "application/json", "body «" + s + "»");
            }
            case 4 -> {
                int depth = 2000 + random.nextInt(3000);
                String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                yield new Body(nested.getBytes(StandardCharsets.UTF_8), "application/json",
                        "nested " + depth + " levels deep");
            }
            case 5 -> {
                byte[] bad = valid.clone();
                int at = random.nextInt(Math.max(1, bad.length));
                if (bad.length > 0) {
                    bad[at] = (byte) (int) pick(random, List.of(0xff, 0xc3, 0x80, 0xfe, 0xed));
                }
                yield new Body(bad, "application/json", "invalid UTF-8 byte at " + at);
            }
            case 6 -> new Body(valid, pick(random, List.of("text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/json; charset=koi8-r",
                    "image/png", "*/*", "garbage")), "valid body, other content type");
            case 7 -> new Body(valid, null, "valid body, no content type");
            case 8 -> {
                byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
                byte[] withBom = new byte[bom.length + valid.length];
                System.arraycopy(bom, 0, withBom, 0, bom.length);
                System.arraycopy(valid, 0, withBom, bom.length, valid.length);
                yield new Body(withBom, "application/json", "UTF-8 byte order mark before the body");
            }
            case 9 -> {
                String arrayOf = "[" + validJson + "," + validJson + "]";
                yield new Body(arrayOf.getBytes(StandardCharsets.UTF_8), "application/json", "array of the body");
            }
            case 10 -> {
                String trimmed = validJson.trim();
                String duplicated = trimmed.startsWith("{") && !trimmed.equals("{}")
                        ? "{\"dup\":1,\"dup\":[2]," + trimmed.substring(1) : "{\"dup\":1,\"dup\":2}";
                yield new Body(duplicated.getBytes(StandardCharsets.UTF_8), "application/json", "duplicate keys");
            }
            default -> {
                byte[] junk = new byte[1 + random.nextInt(2048)];
                random.nextBytes(junk);
                yield new Body(junk, "application/json", junk.length + " random bytes");
            }
        };
    }

    private static JsonNode parse(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the sample body is not JSON: " + json, e);
        }
    }

    /** JSON-pointer paths of every node ("" for the root). */
    private static void collect(JsonNode node, String path, List<String> paths) {
        paths.add(path);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(e.getValue(), path + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, paths);
            }
        }
    }

    private static String parentPointer(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    static String abbreviate(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return s.codePointCount(0, s.length()) > 40 ? out + "…" : out.toString();
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
