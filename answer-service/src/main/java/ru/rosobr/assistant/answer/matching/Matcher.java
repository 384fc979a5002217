package ru.rosobr.assistant.answer.matching;

import ru.rosobr.assistant.answer.kb.KbIndex;
import ru.rosobr.assistant.contracts.OrgType;

/**
 * Finds the verified entry that answers a question, or decides that none does; its index follows the knowledge base.
 * Thread-safe.
 */
public interface Matcher extends KbIndex {

    MatchResult match(String question, OrgType orgType);
}
