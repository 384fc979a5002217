package ru.rosobr.assistant.intake.support;

import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * Platform payloads as the platforms send them: MAX updates per the SDK types ({@code Update} with
 * {@code update_type}, {@code timestamp}), VK Callback API notifications ({@code type}, {@code event_id},
 * {@code object}, {@code group_id}, {@code secret}).
 */
public final class Updates {

    public static final long BOT_ID = 900_000L;
    public static final long VK_GROUP = 229_000_001L;

    private Updates() {
    }

    /** The chat_id of the bot's dialog with a user in these payloads (and in the fake MAX platform). */
    public static long maxDialog(long userId) {
        return userId + 1;
    }

    private static ObjectNode maxUser(long userId, String first, String last) {
        ObjectNode user = EventCodec.mapper().createObjectNode();
        user.put("user_id", userId);
        user.put("name", first + " " + last);
        user.put("first_name", first);
        user.put("last_name", last);
        user.putNull("username");
        user.put("is_bot", false);
        user.put("last_activity_time", System.currentTimeMillis());
        return user;
    }

    public static String maxBotStarted(long userId, long timestamp) {
        ObjectNode u = EventCodec.mapper().createObjectNode();
        u.put("update_type", "bot_started");
        u.put("timestamp", timestamp);
        u.put("chat_id", maxDialog(userId));
        u.set("user", maxUser(userId, "Мария", "Иванова"));
        u.putNull("payload");
        u.put("user_locale", "ru");
        return u.toString();
    }

    private static ObjectNode maxMessage(long senderId, String mid, String text, String chatType) {
        ObjectNode m = EventCodec.mapper().createObjectNode();
        m.set("sender", maxUser(senderId, "Мария", "Иванова"));
        ObjectNode recipient = m.putObject("recipient");
        recipient.put("chat_id", maxDialog(senderId));
        recipient.put("chat_type", chatType);
        recipient.put("user_id", BOT_ID);
        m.put("timestamp", System.currentTimeMillis());
        ObjectNode body = m.putObject("body");
        body.put("mid", mid);
        body.put("seq", 1);
        body.put("text", text);
        return m;
    }

    public static String maxMessageCreated(long userId, String mid, String text) {
        return maxMessageCreated(userId, mid, text, "dialog");
    }

    public static String maxMessageCreated(long userId, String mid, String text, String chatType) {
        ObjectNode u = EventCodec.mapper().createObjectNode();
        u.put("update_type", "message_created");
        u.put("timestamp", System.currentTimeMillis());
        u.set("message", maxMessage(userId, mid, text, chatType));
        u.put("user_locale", "ru");
        return u.toString();
    }

    public static String maxCallback(long userId, String callbackId, String payload) {
        ObjectNode u = EventCodec.mapper().createObjectNode();
        u.put("update_type", "message_callback");
        u.put("timestamp", System.currentTimeMillis());
        ObjectNode callback = u.putObject("callback");
        callback.put("timestamp", System.currentTimeMillis());
        callback.put("callback_id", callbackId);
        callback.put("payload", payload);
        callback.set("user", maxUser(userId, "Мария", "Иванова"));
        // the button is under the bot's message in the dialog with the user: sent by the bot, to that dialog
        ObjectNode message = maxMessage(BOT_ID, "mid.bot." + callbackId, "Ответ", "dialog");
        ((ObjectNode) message.get("sender")).put("is_bot", true);
        ((ObjectNode) message.get("recipient")).put("chat_id", maxDialog(userId)).put("user_id", userId);
        u.set("message", message);
        u.put("user_locale", "ru");
        return u.toString();
    }

    private static ObjectNode vkEnvelope(String type, String eventId, String secret) {
        ObjectNode e = EventCodec.mapper().createObjectNode();
        e.put("type", type);
        if (eventId != null) {
            e.put("event_id", eventId);
        }
        e.put("v", "5.199");
        e.put("group_id", VK_GROUP);
        if (secret != null) {
            e.put("secret", secret);
        }
        return e;
    }

    public static String vkConfirmation(String secret) {
        return vkEnvelope("confirmation", null, secret).toString();
    }

    /** VK message_read: the user read the dialogue up to {@code readMessageId}. */
    public static String vkMessageRead(String eventId, long fromId, long readMessageId, String secret) {
        ObjectNode e = vkEnvelope("message_read", eventId, secret);
        ObjectNode object = e.putObject("object");
        object.put("from_id", fromId);
        object.put("peer_id", fromId);
        object.put("read_message_id", readMessageId);
        object.put("conversation_message_id", readMessageId);
        return e.toString();
    }

    public static String vkMessageNew(String eventId, long fromId, long messageId, String text, String secret) {
        ObjectNode e = vkEnvelope("message_new", eventId, secret);
        ObjectNode object = e.putObject("object");
        ObjectNode m = object.putObject("message");
        m.put("date", System.currentTimeMillis() / 1000);
        m.put("from_id", fromId);
        m.put("id", messageId);
        m.put("out", 0);
        m.put("peer_id", fromId);
        m.put("text", text);
        m.put("conversation_message_id", messageId);
        m.putArray("attachments");
        ObjectNode info = object.putObject("client_info");
        info.putArray("button_actions").add("text").add("callback").add("open_link");
        info.put("keyboard", true);
        info.put("inline_keyboard", true);
        info.put("carousel", true);
        info.put("lang_id", 0);
        return e.toString();
    }

    public static String vkMessageEvent(String eventId, long userId, String pressId, String payload, String secret) {
        ObjectNode e = vkEnvelope("message_event", eventId, secret);
        ObjectNode object = e.putObject("object");
        object.put("user_id", userId);
        object.put("peer_id", userId);
        object.put("event_id", pressId);
        object.set("payload", EventCodec.mapper().valueToTree(Map.of("p", payload)));
        object.put("conversation_message_id", 7);
        return e.toString();
    }
}
