package ru.rosobr.assistant.intake.appeal;

import java.time.Instant;
import java.util.UUID;

/**
 * An appeal as intake sees it.
 *
 * @param lastAiAnswer     the AI answer delivered to the teacher, if any
 * @param lastAnswerId     outbound id of the latest answer (AI or specialist): the answer a rating applies to
 * @param humanRequestedAt when the teacher asked for a specialist, if they did
 */
public record Appeal(UUID id, String teacherId, String region, String question, Instant createdAt,
                     AppealState state, String lastAiAnswer, UUID lastAnswerId, Instant humanRequestedAt) {
}
