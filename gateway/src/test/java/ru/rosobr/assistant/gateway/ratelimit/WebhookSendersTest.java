package ru.rosobr.assistant.gateway.ratelimit;

import ru.rosobr.assistant.gateway.PlatformUpdates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSendersTest {

    @Test
    void maxUpdatesNameTheirTeacher() {
        assertThat(WebhookSenders.max(b(PlatformUpdates.maxMessage(42)))).isEqualTo("42");
        // the callback's message was sent by the bot: the presser is callback.user, whatever the field order
        assertThat(WebhookSenders.max(b(PlatformUpdates.maxCallback(43)))).isEqualTo("43");
        assertThat(WebhookSenders.max(b("{\"user\":{\"user_id\":44},\"update_type\":\"bot_started\"}"))).isEqualTo("44");
    }

    @Test
    void vkNotificationsNameTheirTeacher() {
        assertThat(WebhookSenders.vk(b(PlatformUpdates.vkMessage(7)))).isEqualTo("7");
        assertThat(WebhookSenders.vk(b("{\"type\":\"message_event\",\"object\":{\"user_id\":8,\"peer_id\":8}}")))
                .isEqualTo("8");
    }

    @Test
    void updatesWithoutATeacherOrUnreadableOnesNameNobody() {
        assertThat(WebhookSenders.vk(b("{\"type\":\"confirmation\",\"group_id\":1}"))).isNull();
        assertThat(WebhookSenders.max(b("{\"update_type\":\"bot_removed\",\"user\":{\"user_id\":1}}"))).isNull();
        assertThat(WebhookSenders.max(b("{\"update_type\":\"message_created\",\"message\":{\"sender\":{\"user_id\""))).isNull();
        assertThat(WebhookSenders.max(b("not json"))).isNull();
        assertThat(WebhookSenders.max(b("[1,2]"))).isNull();
        assertThat(WebhookSenders.max(new byte[0])).isNull();
        // a user id must be a scalar, not an object someone put there
        assertThat(WebhookSenders.max(b("{\"update_type\":\"bot_started\",\"user\":{\"user_id\":{\"x\":1}}}"))).isNull();
    }

    @Test
    void everythingOffThePathIsSkippedUnread() {
        String big = "{\"update_type\":\"message_created\",\"message\":{\"body\":{\"text\":\"" + "я".repeat(4000)
                + "\",\"attachments\":[{\"user_id\":999,\"payload\":{\"user\":{\"user_id\":998}}}]},"
                + "\"sender\":{\"name\":\"x\",\"user_id\":45}},\"user\":{\"user_id\":997}}";
        assertThat(WebhookSenders.max(b(big))).isEqualTo("45");
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
