package ru.rosobr.assistant.intake.max.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of MAX {@code POST /messages?user_id=…} (SDK {@code SendMessageDTO.body}): {@code text} up to 4000
 * characters, {@code format} "markdown" or "html", {@code attachments} (here: the inline keyboard).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendMessageBody(@JsonProperty("text") String text,
                              @JsonProperty("attachments") List<InlineKeyboardAttachmentRequest> attachments,
                              @JsonProperty("notify") Boolean notifyUser,
                              @JsonProperty("format") String format) {

    /** MAX's limit for {@code text}. */
    public static final int MAX_TEXT = 4000;
}
