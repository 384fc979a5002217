package ru.rosobr.assistant.answer.matching;

import java.util.Map;

import ru.rosobr.assistant.answer.kb.KbIndex;
import ru.rosobr.assistant.contracts.OrgType;

/**
 * Finds the verified entry that answers a question, or decides that none does; its index follows the knowledge base.
 * Thread-safe.
 */
public interface Matcher extends KbIndex {

    MatchResult match(String question, OrgType orgType);

    /**
     * The content lemmas of a text as {@link #match} reads it (aliases expanded, typos corrected against the base;
     * with the concepts and word-family prefixes the ranking also uses, weaker),
     * each with its focus in the text: 1 in the sentence that asks, less in the story around it, for context words
     * and numbers. For grouping similar questions by the analysis that decides them.
     */
    Map<String, Double> lemmas(String text);
}
