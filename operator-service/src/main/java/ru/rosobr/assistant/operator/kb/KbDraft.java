package ru.rosobr.assistant.operator.kb;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

/**
 * A proposed knowledge-base entry made from an appeal: the question, its phrasings and the verified answer.
 *
 * @param status  DRAFT → PUBLISHED (verified, {@code kb.entry.published} sent, {@code entryId} = {@code op-<id>})
 *                or REJECTED (with {@code rejectReason})
 */
public record KbDraft(UUID id, UUID appealId, String region, String author, String topic, Audience audience,
                      String question, List<String> phrasings, String answer, String legalBasis, KbDraftStatus status,
                      String entryId, String reviewedBy, Instant reviewedAt, String rejectReason, Instant createdAt,
                      Instant updatedAt) {
    public KbDraft {
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
    }
}
