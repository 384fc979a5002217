package ru.rosobr.assistant.contracts;

/** An event addressed to one teacher; keyed by teacher so that a teacher's messages stay ordered. */
public interface TeacherAddressed extends Event {
    String teacherId();
}
