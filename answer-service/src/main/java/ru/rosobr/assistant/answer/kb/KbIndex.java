package ru.rosobr.assistant.answer.kb;

import java.util.Collection;

/**
 * What the knowledge base keeps in step with its stored entries: the matcher's index. Declared here so that the
 * base does not depend on the matcher; the matcher implements it.
 */
public interface KbIndex {

    /** Replaces the whole index (start-up). Only VERIFIED entries are indexed. */
    void reindex(Collection<KbEntry> entries);

    /** Applies one changed entry: indexed if VERIFIED, removed otherwise. */
    void update(KbEntry entry);
}
