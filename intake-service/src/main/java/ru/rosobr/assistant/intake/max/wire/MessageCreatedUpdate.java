package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code MessageCreatedUpdate} ({@code update_type: "message_created"}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageCreatedUpdate(@JsonProperty("update_type") String updateType,
                                   @JsonProperty("timestamp") Long timestamp,
                                   @JsonProperty("message") Message message,
                                   @JsonProperty("user_locale") String userLocale) {
    public static final String TYPE = "message_created";
}
