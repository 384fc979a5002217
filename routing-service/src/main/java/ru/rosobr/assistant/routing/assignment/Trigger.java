package ru.rosobr.assistant.routing.assignment;

/** Why an appeal comes to routing. */
public enum Trigger {
    /** answer-service found no verified answer certain enough */
    UNMATCHED,
    /** the teacher pressed «Не помогло — передать специалисту» after an AI answer */
    HUMAN_REQUESTED,
    /** the region handed the appeal to federal control */
    ESCALATED,
    /** an operator came on shift and takes the region's queue */
    SHIFT_START,
    /** an operator went off shift and the policy is RETURN: their open appeals are routed again */
    SHIFT_END,
    /** a regional head (federal staff, admin) handed the appeal to another operator in the console */
    REASSIGNED;

    /** Upstream triggers happen once per appeal; shift changes and manual reassignments may repeat. */
    public boolean oncePerAppeal() {
        return this == UNMATCHED || this == HUMAN_REQUESTED || this == ESCALATED;
    }
}
