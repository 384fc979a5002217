package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.contracts.OrgType;

/**
 * {@code GET /api/console/appeals/{id}}: the teacher, the question, the AI's answer or candidate, who holds the
 * appeal, and the timeline. {@code version} goes back with a reply to detect a concurrent change.
 */
public record AppealCard(UUID id, AppealStatus status, String region, String regionName, String regionZone,
                         String teacherId, String teacherFio, OrgType orgType, String text, Instant receivedAt,
                         Instant createdAt, String target, String assignedOperator, String assignmentReason,
                         Instant assignedAt, String aiTopic, String aiAnswer, Double aiScore, boolean overdue,
                         Instant overdueDeadline, long version, List<TimelineEntry> timeline) {
}
