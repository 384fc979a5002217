package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/** A verified knowledge-base entry answers the appeal. Written by answer-service. */
public record AnswerMatched(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                            String teacherId, String topic, String entryId, int entryVersion, double score,
                            String answerText, String legalBasis) implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    public AnswerMatched {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
        Objects.requireNonNull(answerText);
    }

    public static AnswerMatched of(UUID appealId, String region, String teacherId, String topic, String entryId,
                                   int entryVersion, double score, String answerText, String legalBasis) {
        return new AnswerMatched(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, teacherId, topic,
                entryId, entryVersion, score, answerText, legalBasis);
    }
}
