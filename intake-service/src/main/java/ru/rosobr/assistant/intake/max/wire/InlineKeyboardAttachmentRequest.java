package ru.rosobr.assistant.intake.max.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code InlineKeyboardAttachmentRequest}: {@code {type: "inline_keyboard", payload: {buttons}}}. */
public record InlineKeyboardAttachmentRequest(@JsonProperty("type") String type,
                                              @JsonProperty("payload") Payload payload) {

    /** Rows of buttons. */
    public record Payload(@JsonProperty("buttons") List<List<CallbackButton>> buttons) {
    }

    public static InlineKeyboardAttachmentRequest of(List<List<CallbackButton>> rows) {
        return new InlineKeyboardAttachmentRequest("inline_keyboard", new Payload(rows));
    }
}
