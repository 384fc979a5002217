package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code CallbackButton}: {@code {type: "callback", text, payload}}. */
public record CallbackButton(@JsonProperty("type") String type,
                             @JsonProperty("text") String text,
                             @JsonProperty("payload") String payload) {

    public static CallbackButton of(String text, String payload) {
        return new CallbackButton("callback", text, payload);
    }
}
