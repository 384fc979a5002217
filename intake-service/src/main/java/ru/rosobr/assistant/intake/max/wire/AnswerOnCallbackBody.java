package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of MAX {@code POST /answers?callback_id=…} (SDK {@code AnswerOnCallbackDTO.body}): {@code message}
 * replaces the message with the button; {@code notification} is a one-time notice to the user (the platform's
 * documentation of the method; the bot uses it so that the answer the button was under stays as it is).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerOnCallbackBody(@JsonProperty("message") SendMessageBody message,
                                   @JsonProperty("notification") String notification) {
}
