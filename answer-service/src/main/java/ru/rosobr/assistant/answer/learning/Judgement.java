package ru.rosobr.assistant.answer.learning;

import java.time.Instant;
import java.util.UUID;

/** An operator's judgement of the AI's answer or candidate, as KB editors see it against the entry. */
public record Judgement(UUID appealId, String entryId, Integer entryVersion, String verdict, String decision,
                        Double score, String question, String comment, String judgedBy, String learnedPhrasing,
                        Instant judgedAt) {
}
