package ru.rosobr.assistant.answer.gaps;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The KB gaps of a period: groups of similar routed questions of the visible regions, largest first.
 *
 * @param region    the one region the report covers; null: every region
 * @param questions routed questions of the period (all of them, grouped or not)
 * @param truncated true when the period held more routed questions than one report reads ({@link KbGaps#MAX_QUESTIONS})
 */
public record GapReport(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                        @Nullable String region,
                        int questions, boolean truncated, List<GapCluster> clusters) {
}
