package ru.rosobr.assistant.operator.appeals.internal;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.operator.appeals.AppealStatus;

/** A row of the appeals table. */
public record AppealRow(UUID id, String region, String teacherId, String teacherFio, OrgType orgType, String text,
                        Instant receivedAt, String aiTopic, String aiAnswer, Double aiScore, String target,
                        String assignedOperator, String assignmentReason, Instant assignedAt, AppealStatus status,
                        boolean overdue, Instant overdueDeadline, Instant createdAt, long version) {

    static AppealRow of(Readable r) {
        String orgType = r.get("org_type", String.class);
        return new AppealRow(r.get("id", UUID.class), r.get("region", String.class),
                r.get("teacher_id", String.class), r.get("teacher_fio", String.class),
                orgType == null ? null : OrgType.valueOf(orgType), r.get("text", String.class),
                r.get("received_at", Instant.class), r.get("ai_topic", String.class),
                r.get("ai_answer", String.class), r.get("ai_score", Double.class), r.get("target", String.class),
                r.get("assigned_operator", String.class), r.get("assignment_reason", String.class),
                r.get("assigned_at", Instant.class), AppealStatus.valueOf(r.get("status", String.class)),
                Boolean.TRUE.equals(r.get("overdue", Boolean.class)), r.get("overdue_deadline", Instant.class),
                r.get("created_at", Instant.class), r.get("version", Long.class));
    }
}
