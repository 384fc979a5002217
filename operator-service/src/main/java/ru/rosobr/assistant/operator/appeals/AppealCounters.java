package ru.rosobr.assistant.operator.appeals;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/console/appeals/counters}: appeals per kanban column, overdue (not answered or closed) and unread,
 * over everything the viewer may see.
 */
public record AppealCounters(@JsonProperty("NEW") long newCount,
                             @JsonProperty("IN_PROGRESS") long inProgress,
                             @JsonProperty("ANSWERED") long answered,
                             @JsonProperty("CLOSED") long closed,
                             @JsonProperty("FEDERAL") long federal,
                             long overdue,
                             long unread) {
}
