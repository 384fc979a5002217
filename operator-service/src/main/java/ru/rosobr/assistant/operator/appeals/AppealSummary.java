package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import ru.rosobr.assistant.contracts.OrgType;

/**
 * A row of {@code GET /api/console/appeals} and the data of an SSE {@code appeal} event: {@code id, status, region,
 * teacherFio, text, createdAt} are the contract, the rest serves the list and the kanban.
 *
 * @param deadline     the SLA: the end of the 5th working day after the first assignment (teacher's region time)
 * @param federal      the appeal has been under federal control (stays true after the federal answer)
 * @param controlledBy the federal specialist who took it under control, if any
 * @param rating       the teacher's rating 1–5, null until rated
 * @param unread       the viewer has not opened the card since its last change
 * @param deadlineDay  the last day of the deadline in the region («до 14.01.2026 23:59 (время вашего региона)»)
 * @param deadlineWarning the deadline day has come (09:00 region time) and there is no answer yet
 * @param escalationReason why it is under federal control (the head's words or the automatic escalation's)
 */
public record AppealSummary(UUID id, AppealStatus status, String region, @Nullable String regionName,
                            String teacherFio, @Nullable OrgType orgType, String text, Instant createdAt,
                            @Nullable Instant deadline, @Nullable String target, @Nullable String assignedOperator,
                            boolean overdue, boolean federal, @Nullable String controlledBy, @Nullable Double aiScore,
                            @Nullable Integer rating, boolean unread, long version, @Nullable Instant updatedAt,
                            @Nullable LocalDate deadlineDay, boolean deadlineWarning, @Nullable String escalationReason) {

    public AppealSummary withUnread(boolean value) {
        return value == unread ? this : new AppealSummary(id, status, region, regionName, teacherFio, orgType, text,
                createdAt, deadline, target, assignedOperator, overdue, federal, controlledBy, aiScore, rating, value,
                version, updatedAt, deadlineDay, deadlineWarning, escalationReason);
    }
}
