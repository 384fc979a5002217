package ru.rosobr.assistant.intake.vk.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A VK bot keyboard (the {@code keyboard} parameter of {@code messages.send}, as JSON). Inside a message
 * ({@code inline: true}) it holds at most 10 buttons in at most 6 rows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Keyboard(@JsonProperty("one_time") Boolean oneTime,
                       @JsonProperty("inline") Boolean inline,
                       @JsonProperty("buttons") List<List<Button>> buttons) {

    public static final int INLINE_MAX_BUTTONS = 10;
    public static final int INLINE_MAX_ROWS = 6;
    public static final int MAX_LABEL = 40;

    /** A button. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Button(@JsonProperty("action") Action action, @JsonProperty("color") String color) {
    }

    /** A callback action: {@code payload} is a JSON string of at most 255 characters. */
    public record Action(@JsonProperty("type") String type,
                         @JsonProperty("label") String label,
                         @JsonProperty("payload") String payload) {
    }
}
