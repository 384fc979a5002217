package ru.rosobr.assistant.intake.appeal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ru.rosobr.assistant.contracts.events.OutboundMessage;

/**
 * Where an appeal stands, as far as the channel edge can tell from the messages it delivered. The states are
 * ordered: an appeal only moves forward, so a late or repeated message never takes it back.
 */
public enum AppealState {
    /** Received, nothing sent back yet. */
    OPEN,
    /** The AI's answer was delivered. */
    ANSWERED_AI,
    /** Handed to a specialist (status message with the deadline delivered). */
    ROUTED,
    /** A specialist's reply was delivered. */
    ANSWERED,
    /** Declined (off-topic): nothing more will come. */
    CLOSED;

    /** The state an outbound message of this kind moves the appeal to; empty for kinds that change nothing. */
    public static Optional<AppealState> after(OutboundMessage.Kind kind) {
        return switch (kind) {
            case AI_ANSWER -> Optional.of(ANSWERED_AI);
            case STATUS -> Optional.of(ROUTED);
            case OPERATOR_REPLY -> Optional.of(ANSWERED);
            case DECLINE -> Optional.of(CLOSED);
            case RATING_REMINDER, CAMPAIGN -> Optional.empty();
        };
    }

    /** The states from which this one can be reached (every earlier state). */
    public List<AppealState> predecessors() {
        return Arrays.stream(values()).filter(s -> s.ordinal() < ordinal()).toList();
    }
}
