package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code MessageRecipient}: {@code chat_type} is dialog, chat or channel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageRecipient(@JsonProperty("chat_id") Long chatId,
                               @JsonProperty("chat_type") String chatType,
                               @JsonProperty("user_id") Long userId) {
}
