package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.util.UUID;

import ru.rosobr.assistant.contracts.OrgType;

/**
 * A row of {@code GET /api/console/appeals}: {@code id, status, region, teacherFio, text, createdAt} are the
 * contract, the rest helps the list and the kanban.
 */
public record AppealSummary(UUID id, AppealStatus status, String region, String regionName, String teacherFio,
                            OrgType orgType, String text, Instant createdAt, String target,
                            String assignedOperator, boolean overdue, Double aiScore, long version) {
}
