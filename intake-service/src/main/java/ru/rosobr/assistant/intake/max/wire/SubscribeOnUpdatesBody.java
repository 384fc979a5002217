package ru.rosobr.assistant.intake.max.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of MAX {@code POST /subscriptions} (SDK {@code SubscribeOnUpdatesDTO.body}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscribeOnUpdatesBody(@JsonProperty("url") String url,
                                     @JsonProperty("update_types") List<String> updateTypes,
                                     @JsonProperty("secret") String secret) {
}
