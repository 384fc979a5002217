package ru.rosobr.assistant.contracts;

/** An event about one console user; keyed by username so that the changes of one user stay ordered. */
public interface UserAddressed extends Event {
    String username();
}
