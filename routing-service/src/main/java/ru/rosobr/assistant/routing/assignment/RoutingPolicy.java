package ru.rosobr.assistant.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;

/**
 * The assignment rules, free of I/O so that every rule has its own unit test:
 * <ol>
 *   <li>escalated → federal queue;</li>
 *   <li>the region has no operators at all → federal queue;</li>
 *   <li>nobody of the region is on shift → the region's queue;</li>
 *   <li>otherwise the on-shift operator with the fewest open appeals; ties go to the one idle the longest
 *       (then by username, so that equal inputs always give the same answer);</li>
 *   <li>coming on shift takes the region's whole queue, oldest first;</li>
 *   <li>going off shift: {@link OffShiftPolicy#KEEP} leaves the appeals with the operator, {@link OffShiftPolicy#RETURN}
 *       routes each again by rules 3–4 among the colleagues still on shift (their load grows as they get them);</li>
 *   <li>a manual reassignment goes to the chosen operator when they work in the appeal's region (on shift or not),
 *       otherwise it is refused.</li>
 * </ol>
 */
public final class RoutingPolicy {

    static final Comparator<Candidate> PREFERENCE = Comparator.comparingInt(Candidate::openAppeals)
            .thenComparing(Candidate::idleSince)
            .thenComparing(Candidate::username);

    /** One appeal and what is decided for it. */
    public record Planned(UUID appealId, RoutingDecision decision) {
    }

    private RoutingPolicy() {
    }

    /**
     * @param trigger          why the appeal came to routing
     * @param regionOperators  every operator of the appeal's region, on shift or not
     */
    public static RoutingDecision decide(Trigger trigger, List<Candidate> regionOperators) {
        if (trigger == Trigger.ESCALATED) {
            return new RoutingDecision(Target.FEDERAL_QUEUE, null, RoutingDecision.Rule.ESCALATED);
        }
        if (regionOperators.isEmpty()) {
            return new RoutingDecision(Target.FEDERAL_QUEUE, null, RoutingDecision.Rule.NO_REGIONAL_OPERATORS);
        }
        return regionOperators.stream()
                .filter(Candidate::onShift)
                .min(PREFERENCE)
                .map(c -> new RoutingDecision(Target.OPERATOR, c.username(), RoutingDecision.Rule.LEAST_LOADED_ON_SHIFT))
                .orElseGet(() -> new RoutingDecision(Target.REGION_QUEUE, null,
                        RoutingDecision.Rule.NO_OPERATOR_ON_SHIFT));
    }

    /** The operator who comes on shift takes every appeal waiting in the region's queue. */
    public static List<Planned> onShiftStart(String operator, List<UUID> queuedOldestFirst) {
        return queuedOldestFirst.stream()
                .map(id -> new Planned(id, new RoutingDecision(Target.OPERATOR, operator,
                        RoutingDecision.Rule.QUEUE_TAKEN_ON_SHIFT_START)))
                .toList();
    }

    /**
     * @param leaving         the operator going off shift
     * @param held            the leaving operator's open appeals, oldest first
     * @param regionOperators every operator of the region (the leaving one included; treated as off shift)
     * @param now             when the colleagues get the returned appeals (they are no longer idle from then on)
     */
    public static List<Planned> onShiftEnd(OffShiftPolicy policy, String leaving, List<UUID> held,
                                           List<Candidate> regionOperators, Instant now) {
        if (policy == OffShiftPolicy.KEEP || held.isEmpty()) {
            return List.of();
        }
        List<Candidate> pool = new ArrayList<>();
        for (Candidate c : regionOperators) {
            pool.add(c.username().equals(leaving) ? new Candidate(c.username(), false, c.openAppeals(), c.idleSince())
                    : c);
        }
        if (pool.stream().noneMatch(c -> c.username().equals(leaving))) {
            // keeps the region non-empty: with nobody else on shift the appeals go to the queue, not federal
            pool.add(new Candidate(leaving, false, held.size(), now));
        }
        List<Planned> plan = new ArrayList<>();
        for (UUID appeal : held) {
            RoutingDecision d = decide(Trigger.SHIFT_END, pool);
            plan.add(new Planned(appeal, d));
            if (d.target() == Target.OPERATOR) {
                for (int i = 0; i < pool.size(); i++) {
                    Candidate c = pool.get(i);
                    if (c.username().equals(d.operatorId())) {
                        pool.set(i, new Candidate(c.username(), true, c.openAppeals() + 1, now));
                    }
                }
            }
        }
        return plan;
    }

    /** A head's choice stands when the operator works in the appeal's region; otherwise it is refused (empty). */
    public static Optional<RoutingDecision> reassign(String toOperator, List<Candidate> regionOperators) {
        return regionOperators.stream()
                .filter(c -> c.username().equals(toOperator))
                .findFirst()
                .map(c -> new RoutingDecision(Target.OPERATOR, c.username(), RoutingDecision.Rule.MANUAL_REASSIGNMENT));
    }
}
