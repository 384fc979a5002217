package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;

/** An operator judged the AI's candidate answer. Written by operator-service. */
public record AiJudged(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                       String operatorId, Verdict verdict, String comment, String entryId) implements AppealEvent {
    public static final int VERSION = 1;

    /** верно / частично / неверно. */
    public enum Verdict { CORRECT, PARTIAL, WRONG }

    public AiJudged {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
        Objects.requireNonNull(verdict);
    }

    public static AiJudged of(UUID appealId, String region, String operatorId, Verdict verdict, String comment,
                              String entryId) {
        return new AiJudged(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, operatorId, verdict, comment,
                entryId);
    }
}
