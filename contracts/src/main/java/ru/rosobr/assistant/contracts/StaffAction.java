package ru.rosobr.assistant.contracts;

/**
 * An action a staff member took in a service other than operator-service (a registry import, a shift change, a KB
 * edit, a campaign step), for the console's audit log that operator-service keeps. Each writing service has its own
 * topic and record type (one writer per topic); they all carry these fields, keyed by the actor.
 */
public interface StaffAction extends UserAddressed {

    /** Who did it (the console login). */
    String actor();

    /** What was done, e.g. {@code SHIFT_START}: the audit log's action kind. */
    String action();

    /** The region the action concerns; null when it concerns no one region (federal staff see those). */
    String region();

    /** A short description for the log (no personal data of teachers). */
    String details();

    @Override
    default String username() {
        return actor();
    }
}
