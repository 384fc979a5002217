package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.util.UUID;

/** One entry of the appeal card's chat history. */
public record TimelineEntry(UUID id, MessageKind kind, String author, String text, Instant at) {
}
