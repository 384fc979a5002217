package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.TeacherAddressed;

/**
 * A message to send to one teacher in their messenger. {@code eventId} is the message id: delivery uses it to
 * avoid duplicates. Non-urgent messages (reminders, campaigns) wait for 08:00–19:00 in the teacher's time zone.
 * Written by followup-service; delivered by intake-service, which also sends its own replies (greetings,
 * acknowledgements) and the AI's answers and declines straight from answer-service's decisions, one hop fewer.
 */
public record OutboundMessage(UUID eventId, Instant occurredAt, int schemaVersion, String teacherId, String region,
                              UUID appealId, Kind kind, boolean urgent, String text, List<Button> buttons)
        implements TeacherAddressed {
    public static final int VERSION = 1;

    /** Why the message is sent. */
    public enum Kind { AI_ANSWER, OPERATOR_REPLY, STATUS, DECLINE, RATING_REMINDER, CAMPAIGN }

    /**
     * A callback button under the message. The payloads below are the contract with intake-service, which reads
     * the teacher's press: {@code rate:<appealId>:<1-5>}, {@code human:<appealId>}, {@code status:<appealId>}.
     */
    public record Button(String text, String payload) {
        public Button {
            Objects.requireNonNull(text);
            Objects.requireNonNull(payload);
        }

        /** Five rating buttons, «⭐ 1» … «⭐ 5». */
        public static List<Button> ratings(UUID appealId) {
            List<Button> buttons = new ArrayList<>(5);
            for (int n = 1; n <= 5; n++) {
                buttons.add(new Button("⭐ " + n, "rate:" + appealId + ":" + n));
            }
            return List.copyOf(buttons);
        }

        /** Under an AI answer: the teacher asks for a specialist instead. */
        public static Button handOver(UUID appealId) {
            return new Button("Не помогло — передать специалисту", "human:" + appealId);
        }

        /** «Статус обращения»: intake answers it with the state and deadline of the teacher's open appeals. */
        public static Button status(UUID appealId) {
            return new Button("Статус обращения", "status:" + appealId);
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
