package ru.rosobr.assistant.operator.appeals;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/console/appeals/counters}: appeals per kanban column ({@link KanbanColumn}; {@code overdue} is the
 * «Просрочено» column: overdue, waiting for an answer, not under federal control) and unread, over everything the
 * viewer may see under the filters. The columns split the appeals: the figures add up to the total.
 */
public record AppealCounters(@JsonProperty("NEW") long newCount,
                             @JsonProperty("IN_PROGRESS") long inProgress,
                             @JsonProperty("ANSWERED") long answered,
                             @JsonProperty("CLOSED") long closed,
                             @JsonProperty("FEDERAL") long federal,
                             long overdue,
                             long unread) {
}
