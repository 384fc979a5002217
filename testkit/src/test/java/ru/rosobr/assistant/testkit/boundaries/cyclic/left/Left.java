package ru.rosobr.assistant.testkit.boundaries.cyclic.left;

import ru.rosobr.assistant.testkit.boundaries.cyclic.right.Right;

/** Half of a deliberate feature cycle: the boundary rule must report it. */
public record Left(Right partner) {
}
