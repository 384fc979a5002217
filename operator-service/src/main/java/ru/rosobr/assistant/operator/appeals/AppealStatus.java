package ru.rosobr.assistant.operator.appeals;

/** Where an appeal stands in the console (the kanban columns; «Просрочено» is the separate overdue flag). */
public enum AppealStatus {
    /** Новое: assigned, nobody has answered yet */
    NEW,
    /** В работе */
    IN_PROGRESS,
    /** Ответ отправлен */
    ANSWERED,
    /** Закрыто */
    CLOSED,
    /** На федеральном контроле */
    FEDERAL
}
