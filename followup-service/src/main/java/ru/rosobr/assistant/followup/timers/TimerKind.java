package ru.rosobr.assistant.followup.timers;

/** REMINDER: ask the teacher once to rate an answer; OVERDUE: the answer deadline of a human-handled appeal. */
public enum TimerKind { REMINDER, OVERDUE }
