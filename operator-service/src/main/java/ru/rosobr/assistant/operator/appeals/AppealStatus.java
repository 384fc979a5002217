package ru.rosobr.assistant.operator.appeals;

import java.util.Optional;

/** Where an appeal stands in the console (the kanban columns; «Просрочено» is the separate overdue flag). */
public enum AppealStatus {
    /** Новое: assigned, nobody has answered yet */
    NEW("Новое"),
    /** В работе */
    IN_PROGRESS("В работе"),
    /** Ответ отправлен */
    ANSWERED("Ответ отправлен"),
    /** Закрыто */
    CLOSED("Закрыто"),
    /** На федеральном контроле */
    FEDERAL("На федеральном контроле");

    private final String title;

    AppealStatus(String title) {
        this.title = title;
    }

    /** The column title the console shows. */
    public String title() {
        return title;
    }

    public static Optional<AppealStatus> parse(String value) {
        return EnumNames.parse(AppealStatus.class, value);
    }
}
