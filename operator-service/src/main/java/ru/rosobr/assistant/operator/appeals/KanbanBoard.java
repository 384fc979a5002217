package ru.rosobr.assistant.operator.appeals;

import java.util.List;

/** {@code GET /api/console/kanban}: every column with its total and its first page, in the order they are shown. */
public record KanbanBoard(List<KanbanPage> columns) {
    public KanbanBoard {
        columns = List.copyOf(columns);
    }
}
