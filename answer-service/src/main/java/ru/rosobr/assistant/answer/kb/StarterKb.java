package ru.rosobr.assistant.answer.kb;

import java.util.List;

import ru.rosobr.assistant.answer.kb.internal.StarterKbSeeder;

/** The project's starter knowledge base (kb/starter-kb.json): 20 verified entries, one or more per topic. */
public final class StarterKb {

    private StarterKb() {
    }

    /** All starter entries, VERIFIED at version 1 — what the service seeds and what evaluation runs against. */
    public static List<KbEntry> entries() {
        return StarterKbSeeder.starterEntries();
    }
}
