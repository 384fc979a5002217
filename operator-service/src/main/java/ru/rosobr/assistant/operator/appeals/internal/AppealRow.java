package ru.rosobr.assistant.operator.appeals.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.operator.appeals.AppealStatus;

/**
 * A row of the appeals table.
 *
 * @param unread whether the viewer the row was read for has not seen this version (false when read without a viewer)
 */
public record AppealRow(UUID id, String region, String teacherId, String teacherFio, OrgType orgType, String text,
                        Instant receivedAt, String aiTopic, String aiAnswer, Double aiScore, String target,
                        String assignedOperator, String assignmentReason, Instant assignedAt, AppealStatus status,
                        boolean overdue, Instant overdueDeadline, Instant createdAt, Instant updatedAt,
                        Instant deadline, Integer rating, boolean federal, String controlledBy, long version,
                        boolean unread, LocalDate deadlineDay, boolean deadlineWarning, String escalationReason) {

    static AppealRow of(Readable r) {
        return of(r, false);
    }

    static AppealRow withUnread(Readable r) {
        return of(r, Boolean.TRUE.equals(r.get("unread", Boolean.class)));
    }

    private static AppealRow of(Readable r, boolean unread) {
        String orgType = r.get("org_type", String.class);
        return new AppealRow(r.get("id", UUID.class), r.get("region", String.class),
                r.get("teacher_id", String.class), r.get("teacher_fio", String.class),
                orgType == null ? null : OrgType.valueOf(orgType), r.get("text", String.class),
                r.get("received_at", Instant.class), r.get("ai_topic", String.class),
                r.get("ai_answer", String.class), r.get("ai_score", Double.class), r.get("target", String.class),
                r.get("assigned_operator", String.class), r.get("assignment_reason", String.class),
                r.get("assigned_at", Instant.class), AppealStatus.valueOf(r.get("status", String.class)),
                Boolean.TRUE.equals(r.get("overdue", Boolean.class)), r.get("overdue_deadline", Instant.class),
                r.get("created_at", Instant.class), r.get("updated_at", Instant.class),
                r.get("deadline", Instant.class), r.get("rating", Integer.class),
                Boolean.TRUE.equals(r.get("federal", Boolean.class)), r.get("controlled_by", String.class),
                r.get("version", Long.class), unread, r.get("deadline_day", LocalDate.class),
                Boolean.TRUE.equals(r.get("deadline_warning", Boolean.class)),
                r.get("escalation_reason", String.class));
    }
}
