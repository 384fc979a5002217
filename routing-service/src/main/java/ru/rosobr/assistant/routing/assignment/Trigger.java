package ru.rosobr.assistant.routing.assignment;

/** Why an appeal comes to routing. */
public enum Trigger {
    /** answer-service found no verified answer certain enough */
    UNMATCHED,
    /** the teacher pressed «Не помогло — передать специалисту» after an AI answer */
    HUMAN_REQUESTED,
    /** the region handed the appeal to federal control */
    ESCALATED
}
