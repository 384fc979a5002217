package ru.rosobr.assistant.gateway;

/** Webhook bodies as MAX and VK send them (the shapes intake-service reads), trimmed to what matters here. */
public final class PlatformUpdates {

    private PlatformUpdates() {
    }

    public static String maxMessage(long userId) {
        return "{\"update_type\":\"message_created\",\"timestamp\":1700000000000,\"message\":{\"sender\":{\"user_id\":"
                + userId + ",\"first_name\":\"Мария\"},\"recipient\":{\"chat_id\":1,\"chat_type\":\"dialog\"},"
                + "\"body\":{\"mid\":\"mid." + userId + "\",\"text\":\"Вопрос\"}}}";
    }

    /** A button press; the message it belongs to was sent by the bot. */
    public static String maxCallback(long userId) {
        return "{\"update_type\":\"message_callback\",\"timestamp\":1,\"callback\":{\"callback_id\":\"cb" + userId
                + "\",\"payload\":\"rate:x:5\",\"user\":{\"user_id\":" + userId + "}},"
                + "\"message\":{\"sender\":{\"user_id\":1,\"is_bot\":true},\"recipient\":{\"chat_id\":1},"
                + "\"body\":{\"mid\":\"m\",\"text\":\"?\"}}}";
    }

    public static String vkMessage(long fromId) {
        return "{\"type\":\"message_new\",\"event_id\":\"ev" + fromId + "\",\"v\":\"5.199\",\"group_id\":1,"
                + "\"object\":{\"message\":{\"id\":1,\"date\":1,\"peer_id\":" + fromId + ",\"from_id\":" + fromId
                + ",\"text\":\"Вопрос\"},\"client_info\":{}}}";
    }
}
