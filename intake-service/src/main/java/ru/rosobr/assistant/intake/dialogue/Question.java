package ru.rosobr.assistant.intake.dialogue;

import java.util.UUID;

/**
 * A teacher's message taken in.
 *
 * @param messageId the stored message
 * @param appealId  the appeal it opened or joined
 * @param newAppeal true when it opened a new appeal (and appeal.received was emitted)
 */
public record Question(UUID messageId, UUID appealId, boolean newAppeal) {
}
