package ru.rosobr.assistant.answer.learning;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Judgements of one entry: how many «верно», «частично», «неверно», and when it was last judged wrong. */
public record JudgementSummary(String entryId, long correct, long partial, long wrong, long learned,
                               @Nullable Instant lastWrongAt) {
}
