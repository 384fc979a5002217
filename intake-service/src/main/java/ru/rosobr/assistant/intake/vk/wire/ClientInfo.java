package ru.rosobr.assistant.intake.vk.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the user's VK client supports ({@code client_info} of {@code message_new}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientInfo(@JsonProperty("button_actions") List<String> buttonActions,
                         @JsonProperty("keyboard") Boolean keyboard,
                         @JsonProperty("inline_keyboard") Boolean inlineKeyboard,
                         @JsonProperty("carousel") Boolean carousel,
                         @JsonProperty("lang_id") Integer langId) {
}
