package ru.rosobr.assistant.followup.timers;

/** A timer waits (PENDING), has fired once (FIRED, final), or will not fire (CANCELLED). */
public enum TimerState { PENDING, FIRED, CANCELLED }
