package ru.rosobr.assistant.answer.kb;

import java.util.List;

import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

/** One knowledge-base entry at its current version. Only VERIFIED entries answer teachers. */
public record KbEntry(String id, String topic, String question, List<String> phrasings, String answer,
                      String legalBasis, Audience audience, Status status, int version) {

    /** Lifecycle of an entry. */
    public enum Status { DRAFT, VERIFIED, RETIRED }

    public KbEntry {
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
        audience = audience == null ? Audience.ALL : audience;
    }
}
