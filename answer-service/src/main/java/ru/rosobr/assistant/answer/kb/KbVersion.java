package ru.rosobr.assistant.answer.kb;

import java.time.Instant;

/** One version of an entry in its history: the content at that version, what made it, who and when. */
public record KbVersion(KbEntry content, Change change, String changedBy, Instant changedAt) {

    /** What produced a version. */
    public enum Change {
        CREATED, EDITED, VERIFIED, RETIRED, PUBLISHED, SEEDED,
        /** A retired entry back in use, in the status it had before it was retired. */
        RESTORED,
        /** A phrasing learned from an operator's «верно» on a close candidate. */
        LEARNED
    }
}
