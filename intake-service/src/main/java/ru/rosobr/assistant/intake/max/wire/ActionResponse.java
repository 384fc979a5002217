package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code ActionResponse}: {@code {success: true}} or {@code {success: false, message}}. */
public record ActionResponse(@JsonProperty("success") Boolean success, @JsonProperty("message") String message) {
}
