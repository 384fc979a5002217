package ru.rosobr.assistant.intake.appeal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A teacher's appeal still waiting for an answer, with what followup-service last said about its deadline.
 *
 * @param slaStage    the latest {@code appeal.sla} stage, null until the appeal reached a specialist
 * @param deadlineDay the last day of the deadline in the region's calendar, null when not set
 */
public record AppealStanding(UUID appealId, String region, String question, Instant createdAt, AppealState state, String slaStage,
                             LocalDate deadlineDay) {
}
