package ru.rosobr.assistant.testkit.boundaries.acyclic.upper;

import ru.rosobr.assistant.testkit.boundaries.acyclic.lower.Lower;

/** Depends on another feature one way only: the boundary rule must accept it. */
public record Upper(Lower lower) {
}
