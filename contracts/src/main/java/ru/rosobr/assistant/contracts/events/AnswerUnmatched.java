package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/**
 * No verified answer is certain enough: the appeal needs a human. Carries the appeal's snapshot (and the
 * best candidate, which the operator may judge) so routing and the console need not look it up.
 * Written by answer-service.
 */
public record AnswerUnmatched(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                              String teacherId, String teacherFio, OrgType orgType, String text,
                              Instant receivedAt, String candidateTopic, String candidateEntryId,
                              String candidateAnswer, double score) implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    public AnswerUnmatched {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
    }

    public static AnswerUnmatched of(UUID appealId, String region, String teacherId, String teacherFio,
                                     OrgType orgType, String text, Instant receivedAt, String candidateTopic,
                                     String candidateEntryId, String candidateAnswer, double score) {
        return new AnswerUnmatched(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, teacherId,
                teacherFio, orgType, text, receivedAt, candidateTopic, candidateEntryId, candidateAnswer, score);
    }
}
