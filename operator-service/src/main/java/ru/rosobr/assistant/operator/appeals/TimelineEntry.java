package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One entry of the appeal card's chat history. */
public record TimelineEntry(@Nullable UUID id, MessageKind kind, @Nullable String author, String text, Instant at) {
}
