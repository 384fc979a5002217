package ru.rosobr.assistant.intake.vk.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A VK private message (the {@code message} of {@code message_new}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VkMessage(@JsonProperty("id") Long id,
                        @JsonProperty("date") Long date,
                        @JsonProperty("peer_id") Long peerId,
                        @JsonProperty("from_id") Long fromId,
                        @JsonProperty("text") String text,
                        @JsonProperty("conversation_message_id") Long conversationMessageId,
                        @JsonProperty("payload") String payload) {
}
