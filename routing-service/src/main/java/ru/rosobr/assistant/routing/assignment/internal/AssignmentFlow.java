package ru.rosobr.assistant.routing.assignment.internal;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.routing.assignment.RoutingDecision;
import ru.rosobr.assistant.routing.assignment.RoutingPolicy;
import ru.rosobr.assistant.routing.assignment.Trigger;
import ru.rosobr.assistant.routing.roster.Roster;
import ru.rosobr.assistant.routing.roster.RosterEntry;

/**
 * Applies {@link RoutingPolicy} to the appeals that need a human and keeps the operators' load in step. Every
 * handler runs inside the consumer's transaction (platform), so the decision, the load and the outgoing
 * {@code appeal.assigned} commit together.
 */
public class AssignmentFlow {

    private static final Logger log = LoggerFactory.getLogger(AssignmentFlow.class);

    private final Roster roster;
    private final RoutedAppeals appeals;
    private final Outbox outbox;

    public AssignmentFlow(Roster roster, DatabaseClient db, Outbox outbox) {
        this.roster = roster;
        this.appeals = new RoutedAppeals(db);
        this.outbox = outbox;
    }

    public Mono<Void> onUnmatched(AnswerUnmatched e) {
        return route(Trigger.UNMATCHED, e.eventId(), Snapshot.of(e));
    }

    public Mono<Void> onHumanRequested(HumanRequested e) {
        return route(Trigger.HUMAN_REQUESTED, e.eventId(), Snapshot.of(e));
    }

    /** The escalation event carries no snapshot: take the one routing stored when it first routed the appeal. */
    public Mono<Void> onEscalated(AppealEscalated e) {
        return appeals.snapshot(e.appealId())
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    log.warn("appeal {} escalated but never routed here: assigning without its snapshot",
                            e.appealId());
                    return Snapshot.bare(e.appealId(), e.region());
                }))
                .flatMap(s -> route(Trigger.ESCALATED, e.eventId(), s));
    }

    /** A reply went out: the holder's open count goes down (whoever wrote the reply). */
    public Mono<Void> onOperatorReplied(OperatorReplied e) {
        return appeals.close(e.appealId())
                .flatMap(holder -> holder.target() == Target.OPERATOR ? roster.released(holder.operator())
                        : Mono.<Void>empty())
                .then();
    }

    private Mono<Void> route(Trigger trigger, UUID eventId, Snapshot s) {
        // a second event of the same kind for the same appeal (e.g. the hand-over button pressed twice) is no news
        return appeals.alreadyAssigned(s.appealId(), trigger).flatMap(done -> {
            if (done) {
                log.info("appeal {}: already assigned for {}, event {} ignored", s.appealId(), trigger, eventId);
                return Mono.<Void>empty();
            }
            return roster.lockRegion(s.region())
                    .map(RosterEntry::asCandidate)
                    .collectList()
                    .map(candidates -> RoutingPolicy.decide(trigger, candidates))
                    .flatMap(decision -> appeals.recordDecision(s.appealId(), trigger, eventId, s.region(), decision)
                            .flatMap(recorded -> recorded ? apply(trigger, s, decision) : Mono.<Void>empty()));
        });
    }

    private Mono<Void> apply(Trigger trigger, Snapshot s, RoutingDecision decision) {
        log.info("appeal {} ({}, region {}): {} {}", s.appealId(), trigger, s.region(), decision.target(),
                decision.operatorId() == null ? decision.rule() : decision.operatorId());
        // the previous holder (if any, and still waiting for a reply) loses the appeal
        Mono<Void> releasePrevious = appeals.holder(s.appealId())
                .filter(h -> h.open() && h.target() == Target.OPERATOR)
                .flatMap(h -> roster.released(h.operator()));
        Mono<Void> loadNew = decision.target() == Target.OPERATOR ? roster.assigned(decision.operatorId())
                : Mono.empty();
        AppealAssigned assigned = AppealAssigned.of(s.appealId(), s.region(), decision.target(),
                decision.operatorId(), decision.reason(trigger), s.teacherId(), s.teacherFio(), s.orgType(), s.text(),
                s.receivedAt(), s.aiTopic(), s.aiAnswer(), s.aiScore());
        return releasePrevious
                .then(appeals.hold(s, decision))
                .then(loadNew)
                .then(outbox.append(assigned));
    }
}
