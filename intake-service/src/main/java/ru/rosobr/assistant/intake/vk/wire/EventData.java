package ru.rosobr.assistant.intake.vk.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code event_data} of {@code messages.sendMessageEventAnswer}: a snackbar of at most 90 characters. */
public record EventData(@JsonProperty("type") String type, @JsonProperty("text") String text) {

    public static final int MAX_TEXT = 90;

    public static EventData snackbar(String text) {
        String t = text.codePointCount(0, text.length()) <= MAX_TEXT ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
        return new EventData("show_snackbar", t);
    }
}
