package ru.rosobr.assistant.answer.matching;

import java.util.Collection;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.contracts.OrgType;

/** Finds the verified entry that answers a question, or decides that none does. Thread-safe. */
public interface Matcher {

    MatchResult match(String question, OrgType orgType);

    /** Replaces the whole index (start-up). Only VERIFIED entries are indexed. */
    void reindex(Collection<KbEntry> entries);

    /** Applies one changed entry: indexed if VERIFIED, removed otherwise. */
    void update(KbEntry entry);
}
