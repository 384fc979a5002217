package ru.rosobr.assistant.operator.appeals.internal;

import ru.rosobr.assistant.operator.appeals.KanbanColumn;

/** A card of the kanban's first pages and the column it belongs to. */
public record KanbanRow(KanbanColumn column, AppealRow row) {
}
