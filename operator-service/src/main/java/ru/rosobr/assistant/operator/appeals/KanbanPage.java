package ru.rosobr.assistant.operator.appeals;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One column of the kanban: how many appeals it holds in all (the same figure as the counters for the same filters)
 * and one page of its cards, nearest deadline first.
 *
 * @param next the cursor of the next page ({@code after=}), or null when this page is the last one
 */
public record KanbanPage(KanbanColumn column, String title, long total, List<AppealSummary> items,
                         @Nullable String next) {
    public KanbanPage {
        items = List.copyOf(items);
    }
}
