package ru.rosobr.assistant.intake.vk.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code object} of a {@code message_new} notification: {@code {message, client_info}}. */
public record MessageNew(@JsonProperty("message") VkMessage message,
                         @JsonProperty("client_info") ClientInfo clientInfo) {
}
