package ru.rosobr.assistant.answer.learning;

import java.time.Instant;

/** Judgements of one entry: how many «верно», «частично», «неверно», and when it was last judged wrong. */
public record JudgementSummary(String entryId, long correct, long partial, long wrong, long learned,
                               Instant lastWrongAt) {
}
