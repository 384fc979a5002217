package ru.rosobr.assistant.routing.assignment.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.AppealReassigned;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.routing.assignment.Candidate;
import ru.rosobr.assistant.routing.assignment.OffShiftPolicy;
import ru.rosobr.assistant.routing.assignment.RoutingDecision;
import ru.rosobr.assistant.routing.assignment.RoutingPolicy;
import ru.rosobr.assistant.routing.assignment.Trigger;
import ru.rosobr.assistant.routing.roster.Roster;

/**
 * Applies {@link RoutingPolicy} to the appeals that need a human and keeps the operators' load in step. Every
 * method runs inside a transaction (the consumer's, or the shift request's), so the decision, the load and the
 * outgoing {@code appeal.assigned} commit together.
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
        return snapshotOrBare(e.appealId(), e.region()).flatMap(s -> route(Trigger.ESCALATED, e.eventId(), s));
    }

    /** A reply went out: the holder's open count goes down (whoever wrote the reply). */
    public Mono<Void> onOperatorReplied(OperatorReplied e) {
        return appeals.close(e.appealId())
                .flatMap(holder -> holder.target() == Target.OPERATOR ? roster.released(holder.operator())
                        : Mono.<Void>empty())
                .then();
    }

    /**
     * A head chose the operator in the console. Routing applies the choice to its holder and load records and
     * confirms it with {@code appeal.assigned} ({@code REASSIGNED:MANUAL_REASSIGNMENT}); an operator of another
     * region is refused, and the current holder is restated ({@code REASSIGNED:REASSIGNMENT_REFUSED}) so that the
     * console goes back to it. An operator routing has never seen is put on the roster (off shift): the console's
     * user directory, which checked the operator's region, is the authority on who the operators are.
     */
    public Mono<Void> onReassigned(AppealReassigned e) {
        return snapshotOrBare(e.appealId(), e.region()).flatMap(s -> roster.find(e.toOperator())
                .switchIfEmpty(Mono.defer(() -> roster.addIfAbsent(e.toOperator(), s.region(), false)
                        .then(roster.find(e.toOperator()))))
                .then(roster.lockRegion(s.region()).map(Candidate::of).collectList())
                .flatMap(candidates -> RoutingPolicy.reassign(e.toOperator(), candidates)
                        .map(decision -> transfer(Trigger.REASSIGNED, e.eventId(), s, decision))
                        .orElseGet(() -> restate(e, s))));
    }

    /**
     * The operator came on shift (their row is locked and already on shift): they take the region's queue.
     * Emits how many appeals they took.
     */
    public Mono<Integer> takeQueue(String operator, String region, UUID shiftEventId) {
        return roster.lockRegion(region).then(appeals.lockQueue(region))
                .flatMap(queue -> Flux.fromIterable(RoutingPolicy.onShiftStart(operator, queue))
                        .concatMap(p -> snapshotOrBare(p.appealId(), region)
                                .flatMap(s -> transfer(Trigger.SHIFT_START, shiftEventId, s, p.decision())))
                        .then(Mono.just(queue.size())));
    }

    /**
     * The operator went off shift (already marked off): with {@link OffShiftPolicy#RETURN} their open appeals are
     * routed again among the colleagues on shift, or to the region's queue. Emits how many appeals moved.
     */
    public Mono<Integer> handOn(String operator, String region, OffShiftPolicy policy, UUID shiftEventId) {
        if (policy == OffShiftPolicy.KEEP) {
            return Mono.just(0);
        }
        return roster.lockRegion(region).map(Candidate::of).collectList()
                .flatMap(candidates -> appeals.lockHeldBy(operator).flatMap(held -> {
                    List<RoutingPolicy.Planned> plan = RoutingPolicy.onShiftEnd(policy, operator, held, candidates,
                            Instant.now());
                    return Flux.fromIterable(plan)
                            .concatMap(p -> snapshotOrBare(p.appealId(), region)
                                    .flatMap(s -> transfer(Trigger.SHIFT_END, shiftEventId, s, p.decision())))
                            .then(Mono.just(plan.size()));
                }));
    }

    private Mono<Snapshot> snapshotOrBare(UUID appealId, String region) {
        return appeals.snapshot(appealId).switchIfEmpty(Mono.fromSupplier(() -> {
            log.warn("appeal {} never routed here: deciding without its snapshot", appealId);
            return Snapshot.bare(appealId, region);
        }));
    }

    private Mono<Void> route(Trigger trigger, UUID eventId, Snapshot s) {
        // a second event of the same kind for the same appeal (e.g. the hand-over button pressed twice) is no news
        return appeals.alreadyAssigned(s.appealId(), trigger).flatMap(done -> {
            if (done) {
                log.info("appeal {}: already assigned for {}, event {} ignored", s.appealId(), trigger, eventId);
                return Mono.<Void>empty();
            }
            return roster.lockRegion(s.region())
                    .map(Candidate::of)
                    .collectList()
                    .map(candidates -> RoutingPolicy.decide(trigger, candidates))
                    .flatMap(decision -> appeals.recordDecision(s.appealId(), trigger, eventId, s.region(), decision)
                            .flatMap(recorded -> recorded ? apply(trigger, s, decision) : Mono.<Void>empty()));
        });
    }

    private Mono<Void> apply(Trigger trigger, Snapshot s, RoutingDecision decision) {
        log.debug("appeal {} ({}, region {}): {} {}", s.appealId(), trigger, s.region(), decision.target(),
                decision.operatorId() == null ? decision.rule() : decision.operatorId());
        // the previous holder (if any, and still waiting for a reply) loses the appeal
        Mono<Void> releasePrevious = appeals.holder(s.appealId())
                .filter(h -> h.open() && h.target() == Target.OPERATOR)
                .flatMap(h -> roster.released(h.operator()));
        Mono<Void> loadNew = decision.target() == Target.OPERATOR ? roster.assigned(decision.operatorId())
                : Mono.empty();
        return releasePrevious
                .then(appeals.hold(s, decision))
                .then(loadNew)
                .then(emit(trigger, s, decision));
    }

    /**
     * A new holder for an appeal routing already holds (shift changes, manual reassignment): the load moves only
     * while the appeal still waits for a reply, and an answered appeal stays answered.
     */
    private Mono<Void> transfer(Trigger trigger, UUID eventId, Snapshot s, RoutingDecision decision) {
        log.debug("appeal {} ({}, region {}): {} {}", s.appealId(), trigger, s.region(), decision.target(),
                decision.operatorId() == null ? decision.rule() : decision.operatorId());
        return appeals.holder(s.appealId())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(holder -> {
                    boolean open = holder.map(RoutedAppeals.Holder::open).orElse(true);
                    Mono<Void> release = holder
                            .filter(h -> h.open() && h.target() == Target.OPERATOR)
                            .map(h -> roster.released(h.operator()))
                            .orElse(Mono.empty());
                    Mono<Void> load = open && decision.target() == Target.OPERATOR
                            ? roster.assigned(decision.operatorId()) : Mono.empty();
                    Mono<Void> store = holder.isPresent() ? appeals.transfer(s.appealId(), decision)
                            : appeals.hold(s, decision);
                    return release.then(store).then(load)
                            .then(appeals.recordRepeatable(s.appealId(), trigger, eventId, s.region(), decision))
                            .then(emit(trigger, s, decision));
                });
    }

    /** A refused reassignment: say again who holds the appeal, so the console that moved it moves it back. */
    private Mono<Void> restate(AppealReassigned e, Snapshot s) {
        log.warn("appeal {}: reassignment to {} by {} refused — the operator works in another region",
                e.appealId(), e.toOperator(), e.reassignedBy());
        return appeals.holder(e.appealId())
                .flatMap(h -> {
                    RoutingDecision current = new RoutingDecision(h.target(),
                            h.target() == Target.OPERATOR ? h.operator() : null,
                            RoutingDecision.Rule.REASSIGNMENT_REFUSED);
                    return appeals.recordRepeatable(e.appealId(), Trigger.REASSIGNED, e.eventId(), s.region(), current)
                            .then(emit(Trigger.REASSIGNED, s, current));
                });
    }

    private Mono<Void> emit(Trigger trigger, Snapshot s, RoutingDecision decision) {
        return outbox.append(AppealAssigned.of(s.appealId(), s.region(), decision.target(), decision.operatorId(),
                decision.reason(trigger), s.teacherId(), s.teacherFio(), s.orgType(), s.text(), s.receivedAt(),
                s.aiTopic(), s.aiAnswer(), s.aiScore()));
    }
}
