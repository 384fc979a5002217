package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.Event;

/**
 * A verified knowledge-base entry (new, or a new version of an existing one). Written by operator-service;
 * answer-service applies it live. {@code appealId} names the appeal it came from, if any.
 */
public record KbEntryPublished(UUID eventId, Instant occurredAt, int schemaVersion, String entryId, int version,
                               String topic, String question, List<String> phrasings, String answer,
                               String legalBasis, Audience audience, String verifiedBy, UUID appealId)
        implements Event {
    public static final int VERSION = 1;

    /** Who the entry is for. */
    public enum Audience { ALL, SCHOOL, SPO, DOO }

    public KbEntryPublished {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(entryId);
        Objects.requireNonNull(question);
        Objects.requireNonNull(answer);
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
        audience = audience == null ? Audience.ALL : audience;
    }

    public static KbEntryPublished of(String entryId, int version, String topic, String question,
                                      List<String> phrasings, String answer, String legalBasis, Audience audience,
                                      String verifiedBy, UUID appealId) {
        return new KbEntryPublished(UUID.randomUUID(), Instant.now(), VERSION, entryId, version, topic, question,
                phrasings, answer, legalBasis, audience, verifiedBy, appealId);
    }
}
