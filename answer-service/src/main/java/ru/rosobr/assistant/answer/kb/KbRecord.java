package ru.rosobr.assistant.answer.kb;

import java.time.Instant;

/** An entry with its bookkeeping: who created it, who verified its verified version and when, who changed it last. */
public record KbRecord(KbEntry entry, String createdBy, String verifiedBy, Instant verifiedAt, String updatedBy,
                       Instant updatedAt) {
}
