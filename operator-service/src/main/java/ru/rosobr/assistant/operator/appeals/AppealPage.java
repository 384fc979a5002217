package ru.rosobr.assistant.operator.appeals;

import java.util.List;

/** One page of the appeal list and how many appeals match in all ({@code X-Total-Count}). */
public record AppealPage(List<AppealSummary> items, long total) {
    public AppealPage {
        items = List.copyOf(items);
    }
}
