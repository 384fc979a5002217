package ru.rosobr.assistant.testkit.boundaries.acyclic.lower;

/** The feature depended upon. */
public record Lower(String name) {
}
