package ru.rosobr.assistant.answer.kb;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

/**
 * One knowledge-base entry at its current version. Only VERIFIED entries answer teachers.
 *
 * <p>{@code audience} is the set of teachers the answer is valid for: {@code {ALL}} for everyone, or any of
 * SCHOOL, SPO, DOO (the documentation list of order No. 779 covers schools and СПО, not preschool, so most
 * entries are {SCHOOL, SPO}). A published event carries one audience; it becomes a one-element set.
 */
public record KbEntry(String id, String topic, String question, List<String> phrasings, String answer,
                      String legalBasis, Set<Audience> audience, Status status, int version) {

    /** Lifecycle of an entry. */
    public enum Status { DRAFT, VERIFIED, RETIRED }

    public KbEntry {
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
        audience = normalise(audience);
        status = status == null ? Status.DRAFT : status;
    }

    public KbEntry withStatus(Status newStatus, int newVersion) {
        return new KbEntry(id, topic, question, phrasings, answer, legalBasis, audience, newStatus, newVersion);
    }

    /** {ALL} when empty or when ALL is among them; otherwise the given audiences in a stable order. */
    public static Set<Audience> normalise(Collection<Audience> audience) {
        if (audience == null || audience.isEmpty() || audience.contains(Audience.ALL)) {
            return Set.of(Audience.ALL);
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(audience));
    }

    /** Storage form: {@code ALL} or e.g. {@code SCHOOL,SPO}. */
    public static String audienceCode(Set<Audience> audience) {
        return normalise(audience).stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static Set<Audience> parseAudience(String code) {
        if (code == null || code.isBlank()) {
            return Set.of(Audience.ALL);
        }
        return normalise(Arrays.stream(code.split(",")).map(String::strip).map(Audience::valueOf).toList());
    }
}
