package ru.rosobr.assistant.intake.appeal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AppealSla;
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
     * Applies what a run of outbound messages says about their appeals, in one statement: an appeal's state moves
     * forward by the message kinds and its current answer is the latest one. The messages of one appeal are folded
     * in order first ({@link OutboundEffect#then}), which is what applying them one by one does. Emits the ids of
     * the appeals intake knows.
     */
    public Mono<Set<UUID>> onOutbound(List<OutboundMessage> messages) {
        Map<UUID, OutboundEffect> effects = new LinkedHashMap<>();
        for (OutboundMessage m : messages) {
            if (m.appealId() != null) {
                effects.merge(m.appealId(), OutboundEffect.of(m), OutboundEffect::then);
            }
        }
        if (effects.isEmpty()) {
            return Mono.just(Set.of());
        }
        return repository.recordOutbound(List.copyOf(effects.values()));
    }

    /** followup-service's word on the deadline ({@code appeal.sla}); an appeal intake does not know is skipped. */
    public Mono<Void> onSla(AppealSla e) {
        return repository.applySla(e.appealId(), e.stage().name(), e.deadlineDay(), e.deadline()).then();
    }

    /** The teacher's appeals still waiting for an answer, newest first (at most {@code limit}). */
    public Flux<AppealStanding> waiting(String teacherId, int limit) {
        return repository.waiting(teacherId, limit);
    }

    /** The teacher's latest appeal answered by a specialist; empty when none. */
    public Mono<AppealStanding> lastAnswered(String teacherId) {
        return repository.lastAnswered(teacherId);
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
