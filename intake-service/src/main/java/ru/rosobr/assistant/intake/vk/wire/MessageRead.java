package ru.rosobr.assistant.intake.vk.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code object} of a {@code message_read} notification: the user read the dialogue with the community up to
 * {@code read_message_id} (the id {@code messages.send} returned for the bot's message).
 */
public record MessageRead(@JsonProperty("from_id") Long fromId,
                          @JsonProperty("peer_id") Long peerId,
                          @JsonProperty("read_message_id") Long readMessageId,
                          @JsonProperty("conversation_message_id") Long conversationMessageId) {
}
