package ru.rosobr.assistant.answer.matching;

/** What the service does with a question. */
public enum Decision { MATCHED, UNMATCHED, OFF_TOPIC }
