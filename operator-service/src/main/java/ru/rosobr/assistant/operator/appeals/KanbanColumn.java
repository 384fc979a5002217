package ru.rosobr.assistant.operator.appeals;

import java.util.Optional;

/**
 * The columns of the kanban: the status, except that federal control wins over everything and «Просрочено» holds the
 * overdue appeals still waiting for an answer. Every appeal is in exactly one column; PostgreSQL computes it
 * ({@code appeals.kanban_column}), so the columns, their pages and the counters cannot disagree.
 */
public enum KanbanColumn {
    NEW("Новое"),
    IN_PROGRESS("В работе"),
    ANSWERED("Ответ отправлен"),
    CLOSED("Закрыто"),
    OVERDUE("Просрочено"),
    FEDERAL("На федеральном контроле");

    private final String title;

    KanbanColumn(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public static Optional<KanbanColumn> parse(String value) {
        return EnumNames.parse(KanbanColumn.class, value);
    }
}
