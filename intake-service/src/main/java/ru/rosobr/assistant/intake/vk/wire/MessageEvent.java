package ru.rosobr.assistant.intake.vk.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * The {@code object} of a {@code message_event} notification: a callback button press. Answered with
 * {@code messages.sendMessageEventAnswer} (event_id, user_id, peer_id).
 */
public record MessageEvent(@JsonProperty("user_id") Long userId,
                           @JsonProperty("peer_id") Long peerId,
                           @JsonProperty("event_id") String eventId,
                           @JsonProperty("payload") JsonNode payload,
                           @JsonProperty("conversation_message_id") Long conversationMessageId) {
}
