package ru.rosobr.assistant.intake.vk.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A VK Callback API notification: {@code {type, event_id, v, object, group_id, secret}}. {@code event_id} is unique
 * per event (VK re-sends an event until it gets "ok").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackEvent(@JsonProperty("type") String type,
                            @JsonProperty("event_id") String eventId,
                            @JsonProperty("v") String v,
                            @JsonProperty("object") JsonNode object,
                            @JsonProperty("group_id") Long groupId,
                            @JsonProperty("secret") String secret) {

    public static final String CONFIRMATION = "confirmation";
    public static final String MESSAGE_NEW = "message_new";
    public static final String MESSAGE_EVENT = "message_event";
    /** The user read the bot's messages (up to one message id): counted for campaigns. */
    public static final String MESSAGE_READ = "message_read";
}
