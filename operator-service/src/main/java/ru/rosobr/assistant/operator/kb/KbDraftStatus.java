package ru.rosobr.assistant.operator.kb;

/** Where a knowledge-base draft stands. */
public enum KbDraftStatus {
    /** waits for a KB editor or a federal specialist */
    DRAFT,
    /** verified and sent to the knowledge base */
    PUBLISHED,
    /** turned down, with a reason */
    REJECTED
}
