package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import ru.rosobr.assistant.contracts.events.AiJudged.Verdict;

/** A stored verdict on the AI answer. */
public record JudgementView(UUID id, UUID appealId, String operatorId, Verdict verdict, @Nullable String comment,
                            Instant at, long appealVersion) {
}
