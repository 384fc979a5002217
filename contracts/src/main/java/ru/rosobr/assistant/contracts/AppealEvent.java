package ru.rosobr.assistant.contracts;

import java.util.UUID;

/** An event in the life of one appeal; keyed by appeal id so that an appeal's events stay ordered. */
public interface AppealEvent extends Event {
    UUID appealId();

    /** Two-digit code of the teacher's region (federal subject). */
    String region();
}
