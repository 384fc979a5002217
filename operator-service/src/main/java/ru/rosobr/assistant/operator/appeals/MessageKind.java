package ru.rosobr.assistant.operator.appeals;

/** Entries of an appeal's timeline. */
public enum MessageKind {
    /** the teacher's question */
    TEACHER_QUESTION,
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
    /** routing and deadline notes */
    SYSTEM
}
