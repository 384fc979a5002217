package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.contracts.OrgType;

/**
 * {@code GET /api/console/appeals/{id}}: the teacher, the question, the AI's answer or candidate, who holds the
 * appeal, the SLA, the judgement and rating, and the timeline. {@code version} goes back with every action to
 * detect a concurrent change. {@code teacherZone} (= {@code regionZone}) is the IANA zone of the teacher's region.
 */
public record AppealCard(UUID id, AppealStatus status, String region, String regionName, String regionZone,
                         String teacherZone, String teacherId, String teacherFio, OrgType orgType, String text,
                         Instant receivedAt, Instant createdAt, Instant deadline, String target,
                         String assignedOperator, String assignmentReason, Instant assignedAt, String aiTopic,
                         String aiAnswer, Double aiScore, boolean overdue, Instant overdueDeadline, boolean federal,
                         String controlledBy, JudgementView judgement, Integer rating, long version,
                         List<TimelineEntry> timeline, LocalDate deadlineDay, boolean deadlineWarning,
                         String escalationReason) {
}
