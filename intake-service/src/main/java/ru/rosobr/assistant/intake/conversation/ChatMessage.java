package ru.rosobr.assistant.intake.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;

/** One line of a teacher's conversation: what they wrote (IN) or what they were shown (OUT). */
public record ChatMessage(UUID id, String teacherId, UUID appealId, Direction direction, String text,
                          List<Button> buttons, Instant at) {

    /** IN: from the teacher; OUT: to the teacher. */
    public enum Direction { IN, OUT }

    public ChatMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
}
