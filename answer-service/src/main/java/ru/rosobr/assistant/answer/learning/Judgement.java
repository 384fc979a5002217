package ru.rosobr.assistant.answer.learning;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import ru.rosobr.assistant.contracts.events.AiJudged.Verdict;

/** An operator's judgement of the AI's answer or candidate, as KB editors see it against the entry. */
public record Judgement(UUID appealId, @Nullable String entryId, @Nullable Integer entryVersion, Verdict verdict,
                        @Nullable String decision, @Nullable Double score, @Nullable String question,
                        @Nullable String comment, @Nullable String judgedBy, @Nullable String learnedPhrasing,
                        Instant judgedAt) {
}
