package ru.rosobr.assistant.routing.assignment;

import java.util.Objects;

import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;

/**
 * What routing decided for one appeal.
 *
 * @param target     operator, region queue or federal queue
 * @param operatorId the chosen operator when target is OPERATOR, otherwise null
 * @param rule       the rule that produced the decision
 */
public record RoutingDecision(Target target, String operatorId, Rule rule) {

    /** How an appeal is routed, one rule per outcome. */
    public enum Rule {
        /** on-shift operator of the region with the fewest open appeals, ties by the longest idle */
        LEAST_LOADED_ON_SHIFT,
        /** the region has operators but none is on shift: the region's queue */
        NO_OPERATOR_ON_SHIFT,
        /** the region has no operators at all: federal queue */
        NO_REGIONAL_OPERATORS,
        /** the region escalated: federal queue */
        ESCALATED,
        /** an operator came on shift and took the appeal from the region's queue */
        QUEUE_TAKEN_ON_SHIFT_START,
        /** a regional head (federal staff, admin) chose the operator in the console */
        MANUAL_REASSIGNMENT,
        /** a manual reassignment to an operator of another region: the holder stays as it was */
        REASSIGNMENT_REFUSED
    }

    public RoutingDecision {
        Objects.requireNonNull(target);
        Objects.requireNonNull(rule);
        if ((target == Target.OPERATOR) != (operatorId != null)) {
            throw new IllegalArgumentException("an operator is named exactly when the target is OPERATOR");
        }
    }

    /**
     * The {@code reason} carried by {@code appeal.assigned}: {@code TRIGGER:RULE}, e.g.
     * {@code HUMAN_REQUESTED:LEAST_LOADED_ON_SHIFT}, so consumers know both why the appeal came and where it went.
     */
    public String reason(Trigger trigger) {
        return trigger.name() + ":" + rule.name();
    }
}
