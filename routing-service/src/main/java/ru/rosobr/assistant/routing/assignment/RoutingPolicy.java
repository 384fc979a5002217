package ru.rosobr.assistant.routing.assignment;

import java.util.Comparator;
import java.util.List;

import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;

/**
 * The assignment rule, free of I/O so that every rule has its own unit test:
 * <ol>
 *   <li>escalated → federal queue;</li>
 *   <li>the region has no operators at all → federal queue;</li>
 *   <li>nobody of the region is on shift → the region's queue (taken by the first operator who comes on shift);</li>
 *   <li>otherwise the on-shift operator with the fewest open appeals; ties go to the one idle the longest
 *       (then by username, so that equal inputs always give the same answer).</li>
 * </ol>
 */
public final class RoutingPolicy {

    static final Comparator<Candidate> PREFERENCE = Comparator.comparingInt(Candidate::openAppeals)
            .thenComparing(Candidate::idleSince)
            .thenComparing(Candidate::username);

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
}
