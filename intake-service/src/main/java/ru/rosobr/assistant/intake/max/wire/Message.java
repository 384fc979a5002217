package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code Message}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(@JsonProperty("sender") User sender,
                      @JsonProperty("recipient") MessageRecipient recipient,
                      @JsonProperty("timestamp") Long timestamp,
                      @JsonProperty("body") MessageBody body,
                      @JsonProperty("url") String url) {
}
