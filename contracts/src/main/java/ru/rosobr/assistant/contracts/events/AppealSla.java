package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;

/**
 * Where a human-handled appeal stands against its answer deadline. followup-service alone computes the deadline
 * (5 working days by the production calendar, the region's time zone) and writes every step here, so the console
 * (operator-service) and the bot (intake-service) show the same date and nobody computes it a second time.
 * Per-appeal order holds: one writer, keyed by appeal.
 *
 * @param stage       what happened (see {@link Stage})
 * @param teacherId   whose appeal it is (intake answers «статус» from these events)
 * @param deadlineDay the last day of the deadline in the region's calendar
 * @param deadline    the moment the appeal becomes overdue: midnight after {@code deadlineDay}, region time
 * @param warningAt   09:00 region time on {@code deadlineDay}: the assigned operator is warned
 * @param escalateAt  when, still unanswered, the appeal goes to federal control by itself
 * @param reason      why, for {@code ESCALATION_DUE} and {@code FEDERAL}; otherwise null
 */
public record AppealSla(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                        Stage stage, String teacherId, LocalDate deadlineDay, Instant deadline, Instant warningAt,
                        Instant escalateAt, String reason) implements AppealEvent {
    public static final int VERSION = 1;

    public enum Stage {
        /** first handed to a specialist: the deadline is set */
        DEADLINE_SET,
        /** 09:00 local on the deadline day, still unanswered */
        WARNING,
        /** the deadline passed unanswered (also on {@code appeal.overdue.v1}) */
        OVERDUE,
        /** still unanswered the configured working days after the deadline: operator-service escalates it */
        ESCALATION_DUE,
        /** the appeal is under federal control now */
        FEDERAL,
        /** a specialist answered: the deadline is met, nothing more will come */
        ANSWERED
    }

    public AppealSla {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
        Objects.requireNonNull(stage);
    }
}
