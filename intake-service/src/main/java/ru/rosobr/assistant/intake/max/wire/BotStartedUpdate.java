package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code BotStartedUpdate} ({@code update_type: "bot_started"}): the user opened the bot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BotStartedUpdate(@JsonProperty("update_type") String updateType,
                               @JsonProperty("timestamp") Long timestamp,
                               @JsonProperty("chat_id") Long chatId,
                               @JsonProperty("user") User user,
                               @JsonProperty("payload") String payload,
                               @JsonProperty("user_locale") String userLocale) {
    public static final String TYPE = "bot_started";
}
