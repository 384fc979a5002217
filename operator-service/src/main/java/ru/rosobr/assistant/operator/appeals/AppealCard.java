package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import ru.rosobr.assistant.contracts.OrgType;

/**
 * {@code GET /api/console/appeals/{id}}: the teacher, the question, the AI's answer or candidate, who holds the
 * appeal, the SLA, the judgement and rating, and the timeline. {@code version} goes back with every action to
 * detect a concurrent change. {@code teacherZone} (= {@code regionZone}) is the IANA zone of the teacher's region.
 */
public record AppealCard(UUID id, AppealStatus status, String region, @Nullable String regionName,
                         @Nullable String regionZone, @Nullable String teacherZone, @Nullable String teacherId,
                         String teacherFio, @Nullable OrgType orgType, String text, @Nullable Instant receivedAt,
                         Instant createdAt, @Nullable Instant deadline, @Nullable String target,
                         @Nullable String assignedOperator, @Nullable String assignmentReason,
                         @Nullable Instant assignedAt, @Nullable String aiTopic, @Nullable String aiAnswer,
                         @Nullable Double aiScore, boolean overdue, @Nullable Instant overdueDeadline, boolean federal,
                         @Nullable String controlledBy, @Nullable JudgementView judgement, @Nullable Integer rating,
                         long version, List<TimelineEntry> timeline, @Nullable LocalDate deadlineDay,
                         boolean deadlineWarning, @Nullable String escalationReason) {
}
