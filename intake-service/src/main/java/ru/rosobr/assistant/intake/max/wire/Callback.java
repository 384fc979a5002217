package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code callback} of a MAX {@code MessageCallbackUpdate}: a press of a callback button. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Callback(@JsonProperty("timestamp") Long timestamp,
                       @JsonProperty("callback_id") String callbackId,
                       @JsonProperty("payload") String payload,
                       @JsonProperty("user") User user) {
}
