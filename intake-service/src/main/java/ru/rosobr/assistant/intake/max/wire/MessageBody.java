package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code MessageBody}: {@code mid} is the message id (unique; webhook de-duplication uses it). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageBody(@JsonProperty("mid") String mid,
                          @JsonProperty("seq") Long seq,
                          @JsonProperty("text") String text) {
}
