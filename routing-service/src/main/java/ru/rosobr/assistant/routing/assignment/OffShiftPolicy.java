package ru.rosobr.assistant.routing.assignment;

/** What happens to an operator's open appeals when they go off shift ({@code assistant.routing.off-shift-policy}). */
public enum OffShiftPolicy {
    /** the operator keeps them and answers them on the next shift (default) */
    KEEP,
    /** they are routed again: to the least-loaded colleague on shift, or to the region's queue */
    RETURN
}
