package ru.rosobr.assistant.intake.max.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** MAX Bot API {@code User} (SDK {@code @maxhub/max-bot-api}: types/user). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record User(@JsonProperty("user_id") Long userId,
                   @JsonProperty("name") String name,
                   @JsonProperty("first_name") String firstName,
                   @JsonProperty("last_name") String lastName,
                   @JsonProperty("username") String username,
                   @JsonProperty("is_bot") Boolean isBot,
                   @JsonProperty("last_activity_time") Long lastActivityTime) {

    /** "First Last", falling back to the deprecated {@code name}. */
    public String displayName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return full.isEmpty() ? name : full;
    }
}
