package ru.rosobr.assistant.intake.appeal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.intake.appeal.internal.AppealRepository;

/** The appeals intake opened, their state inferred from what was delivered, their ratings and hand-overs. */
public class Appeals {

    private final AppealRepository repository;

    public Appeals(AppealRepository repository) {
        this.repository = repository;
    }

    public Mono<Appeal> open(UUID appealId, String teacherId, String region, String question, Instant createdAt) {
        return repository.insert(appealId, teacherId, region, question, createdAt);
    }

    /** Reads the appeal and locks it until the transaction ends, so that button presses on it are serialised. */
    public Mono<Appeal> lock(UUID appealId) {
        return repository.findForUpdate(appealId);
    }

    /** The teacher's appeal that a follow-up message joins: with a specialist and not answered yet. */
    public Mono<Appeal> awaitingSpecialist(String teacherId) {
        return repository.latestAwaitingSpecialist(teacherId);
    }

    public Mono<Appeal> find(UUID appealId) {
        return repository.find(appealId);
    }

    /**
     * Applies what an outbound message says about the appeal: its state moves forward by the message kind; an
     * answer (AI or specialist) becomes the one the next rating applies to. Emits false for an appeal intake
     * does not know.
     */
    public Mono<Boolean> onOutbound(UUID appealId, OutboundMessage.Kind kind, UUID messageId, String text) {
        Optional<AppealState> next = AppealState.after(kind);
        // one statement per message: the answer and the state move together
        return switch (kind) {
            case AI_ANSWER -> repository.recordOutbound(appealId, next, messageId, text, true);
            case OPERATOR_REPLY -> repository.recordOutbound(appealId, next, messageId, null, false);
            default -> next.isPresent() ? repository.recordOutbound(appealId, next, null, null, false)
                    : repository.exists(appealId);
        };
    }

    /** Records the rating of the appeal's current answer; emits false when that answer was rated before. */
    public Mono<Boolean> rate(UUID appealId, UUID answerId, int rating) {
        return repository.insertRating(appealId, answerId, rating).map(inserted -> inserted > 0);
    }

    /** Marks the hand-over to a specialist; emits false when it had been asked for before. */
    public Mono<Boolean> markHumanRequested(UUID appealId) {
        return repository.markHumanRequested(appealId).map(updated -> updated > 0);
    }
}
