package ru.rosobr.assistant.operator.appeals;

/** Entries of an appeal's timeline. */
public enum MessageKind {
    /** the teacher's question */
    TEACHER_QUESTION,
    /** a later message of the teacher that joined the appeal while it was with a specialist */
    TEACHER_MESSAGE,
    /** the AI answer the teacher got and found unhelpful (hand-over request) */
    AI_ANSWER,
    /** the AI's best candidate, not sent to the teacher (not certain enough) */
    AI_CANDIDATE,
    /** an operator's (or federal specialist's) reply, sent to the teacher */
    OPERATOR_REPLY,
    /** an operator's verdict on the AI answer */
    AI_JUDGEMENT,
    /** handed to federal control */
    ESCALATION,
    /** the teacher's rating of the answer */
    RATING,
    /** routing, deadline, status, reassignment, control and knowledge-base notes */
    SYSTEM
}
