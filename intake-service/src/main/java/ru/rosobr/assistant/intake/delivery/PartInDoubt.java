package ru.rosobr.assistant.intake.delivery;

import java.time.Instant;

/**
 * One part of a message whose request was out when its sender died (intake stopped mid-request): the platform may
 * or may not have shown it to the user. What a platform needs to look for it in the bot's dialogue.
 *
 * @param platformUserId the user the part was sent to
 * @param dialogId       the platform's id of the bot's dialogue with the user (MAX chat_id); null when no update
 *                       told it yet
 * @param text           the part's text exactly as it was sent
 * @param notBefore      the part cannot have been created before this moment (its request went out later)
 */
public record PartInDoubt(String platformUserId, String dialogId, String text, Instant notBefore) {
}
