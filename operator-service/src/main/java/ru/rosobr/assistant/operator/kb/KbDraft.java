package ru.rosobr.assistant.operator.kb;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

/**
 * A proposed knowledge-base entry made from an appeal: the question, its phrasings and the verified answer.
 *
 * @param status  DRAFT → PUBLISHED (verified, {@code kb.entry.published} sent, {@code entryId} = {@code op-<id>})
 *                or REJECTED (with {@code rejectReason})
 */
public record KbDraft(UUID id, @Nullable UUID appealId, @Nullable String region, String author, @Nullable String topic,
                      @Nullable Audience audience, @Nullable String question, @Nullable List<String> phrasings,
                      @Nullable String answer, @Nullable String legalBasis, KbDraftStatus status,
                      @Nullable String entryId, @Nullable String reviewedBy, @Nullable Instant reviewedAt,
                      @Nullable String rejectReason, Instant createdAt, @Nullable Instant updatedAt) {
    public KbDraft {
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
    }
}
