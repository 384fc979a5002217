package ru.rosobr.assistant.followup.timers;

/**
 * REMINDER: ask the teacher once to rate an answer; OVERDUE: the answer deadline of a human-handled appeal;
 * WARNING: 09:00 local on the deadline day; ESCALATION: the automatic hand-over to federal control.
 */
public enum TimerKind { REMINDER, OVERDUE, WARNING, ESCALATION }
