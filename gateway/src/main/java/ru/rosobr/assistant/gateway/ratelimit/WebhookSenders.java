package ru.rosobr.assistant.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Who sent a platform webhook: the platform user id, read with Jackson's streaming parser from the few fields that
 * carry it (everything else is skipped unread). MAX: {@code message.sender.user_id} of {@code message_created},
 * {@code callback.user.user_id} of {@code message_callback}, {@code user.user_id} of {@code bot_started}; VK Callback
 * API: {@code object.message.from_id} of {@code message_new}, {@code object.user_id} of {@code message_event}.
 * Anything else (VK {@code confirmation}, other update types, unreadable bodies) names nobody.
 */
public final class WebhookSenders {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static final Set<String> MAX_FIELDS = Set.of("/update_type", "/message/sender/user_id",
            "/callback/user/user_id", "/user/user_id");
    private static final Set<String> VK_FIELDS = Set.of("/type", "/object/message/from_id", "/object/user_id");

    private WebhookSenders() {
    }

    /** The MAX user id, or null. */
    public static String max(byte[] body) {
        Map<String, String> f = read(body, MAX_FIELDS);
        String type = f.get("/update_type");
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "message_created" -> f.get("/message/sender/user_id");
            case "message_callback" -> f.get("/callback/user/user_id");
            case "bot_started" -> f.get("/user/user_id");
            default -> null;
        };
    }

    /** The VK user id, or null. */
    public static String vk(byte[] body) {
        Map<String, String> f = read(body, VK_FIELDS);
        String type = f.get("/type");
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "message_new" -> f.get("/object/message/from_id");
            case "message_event" -> f.get("/object/user_id");
            default -> null;
        };
    }

    /** Scalar values (integers and strings) at the given paths of a top-level object; empty when unreadable. */
    static Map<String, String> read(byte[] body, Set<String> paths) {
        Map<String, String> found = new HashMap<>();
        if (body == null || body.length == 0) {
            return found;
        }
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                readObject(p, "", paths, found);
            }
        } catch (JacksonException e) {
            // not JSON or cut short: intake answers 400; here it only means "no user id"
            return Map.of();
        }
        return found;
    }

    private static void readObject(JsonParser p, String prefix, Set<String> paths, Map<String, String> found) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String path = prefix + "/" + p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT && leadsTo(path, paths)) {
                readObject(p, path, paths, found);
            } else if ((value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_STRING)
                    && paths.contains(path)) {
                String text = p.getString();
                if (text.length() <= 64) {
                    found.put(path, text);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static boolean leadsTo(String path, Set<String> paths) {
        String prefix = path + "/";
        for (String wanted : paths) {
            if (wanted.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
