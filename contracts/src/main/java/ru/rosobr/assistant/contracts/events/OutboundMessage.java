package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.TeacherAddressed;

/**
 * A message to send to one teacher in their messenger. {@code eventId} is the message id: delivery uses it to
 * avoid duplicates. Non-urgent messages (reminders, campaigns) wait for 08:00–19:00 in the teacher's time zone.
 * Written by followup-service; delivered by intake-service.
 */
public record OutboundMessage(UUID eventId, Instant occurredAt, int schemaVersion, String teacherId, String region,
                              UUID appealId, Kind kind, boolean urgent, String text, List<Button> buttons)
        implements TeacherAddressed {
    public static final int VERSION = 1;

    /** Why the message is sent. */
    public enum Kind { AI_ANSWER, OPERATOR_REPLY, STATUS, DECLINE, RATING_REMINDER, CAMPAIGN }

    /** A callback button under the message. */
    public record Button(String text, String payload) {
        public Button {
            Objects.requireNonNull(text);
            Objects.requireNonNull(payload);
        }
    }

    public OutboundMessage {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(teacherId);
        Objects.requireNonNull(text);
        Objects.requireNonNull(kind);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static OutboundMessage of(String teacherId, String region, UUID appealId, Kind kind, boolean urgent,
                                     String text, List<Button> buttons) {
        return new OutboundMessage(UUID.randomUUID(), Instant.now(), VERSION, teacherId, region, appealId, kind,
                urgent, text, buttons);
    }
}
