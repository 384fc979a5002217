package ru.rosobr.assistant.operator.appeals.internal;

import java.util.List;
import java.util.Map;

import ru.rosobr.assistant.operator.appeals.KanbanColumn;

/** The kanban's first pages: every column's total (absent = 0) and the cards. */
public record KanbanRows(Map<KanbanColumn, Long> totals, List<KanbanRow> rows) {
    public KanbanRows {
        totals = Map.copyOf(totals);
        rows = List.copyOf(rows);
    }
}
