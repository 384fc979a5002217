package ru.rosobr.assistant.intake.dialogue;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.intake.teacher.Teacher;

/**
 * Decides whether a teacher's new message joins an appeal that is still open (a follow-up in its thread) or
 * opens a new appeal. The web chat of the foundation opens a new appeal for every message; messenger channels
 * thread follow-ups into the open appeal.
 */
public interface AppealThreading {

    /** The appeal this message joins, or empty for a new appeal. */
    Mono<java.util.UUID> appealToJoin(Teacher teacher, String text);
}
