package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code MessageCallbackUpdate} ({@code update_type: "message_callback"}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageCallbackUpdate(@JsonProperty("update_type") String updateType,
                                    @JsonProperty("timestamp") Long timestamp,
                                    @JsonProperty("callback") Callback callback,
                                    @JsonProperty("message") Message message,
                                    @JsonProperty("user_locale") String userLocale) {
    public static final String TYPE = "message_callback";
}
