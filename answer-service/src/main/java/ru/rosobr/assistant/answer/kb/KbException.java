package ru.rosobr.assistant.answer.kb;

/** A knowledge-base operation that cannot be done; the message is in Russian (it reaches the KB editor). */
public class KbException extends RuntimeException {

    /** Why. */
    public enum Kind { NOT_FOUND, CONFLICT, FORBIDDEN, INVALID }

    private final Kind kind;

    public KbException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
