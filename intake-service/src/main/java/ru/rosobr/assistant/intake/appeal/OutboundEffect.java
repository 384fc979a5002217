package ru.rosobr.assistant.intake.appeal;

import java.util.UUID;

import ru.rosobr.assistant.contracts.events.OutboundMessage;

/**
 * What outbound messages do to one appeal: the latest answer (and the AI's text, when it was the AI's), and the
 * state they move it to.
 *
 * @param answerId the message that is the appeal's current answer now, or null when none of them was an answer
 * @param aiAnswer the AI's answer text, or null when none of them was the AI's answer
 * @param next     the furthest state the messages move the appeal to, or null
 */
public record OutboundEffect(UUID appealId, UUID answerId, String aiAnswer, AppealState next) {

    /** The effect of one message (its appeal must be known). */
    public static OutboundEffect of(OutboundMessage m) {
        AppealState next = AppealState.after(m.kind()).orElse(null);
        return switch (m.kind()) {
            case AI_ANSWER -> new OutboundEffect(m.appealId(), m.eventId(), m.text(), next);
            case OPERATOR_REPLY -> new OutboundEffect(m.appealId(), m.eventId(), null, next);
            default -> new OutboundEffect(m.appealId(), null, null, next);
        };
    }

    /**
     * This effect followed by a later one of the same appeal — what applying both in order does: the later answer
     * wins, and a state only moves forward.
     */
    public OutboundEffect then(OutboundEffect later) {
        AppealState state = next == null ? later.next
                : later.next == null || later.next.ordinal() <= next.ordinal() ? next : later.next;
        return new OutboundEffect(appealId, later.answerId != null ? later.answerId : answerId,
                later.aiAnswer != null ? later.aiAnswer : aiAnswer, state);
    }
}
