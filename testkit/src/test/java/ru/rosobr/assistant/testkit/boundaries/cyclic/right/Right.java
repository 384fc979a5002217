package ru.rosobr.assistant.testkit.boundaries.cyclic.right;

import ru.rosobr.assistant.testkit.boundaries.cyclic.left.Left;

/** Other half of a deliberate feature cycle. */
public record Right(Left partner) {
}
