package ru.rosobr.assistant.analytics.summary;

/**
 * One region's statistics for a period (contract: region, regionName, received, autoAnswered, routed, answered,
 * ratingAvg; the rest is additional). {@code ratingAvg} is null when nobody rated.
 */
public record RegionSummary(String region, String regionName, long received, long autoAnswered, long unmatched,
                            long humanRequested, long routed, long answered, long offTopic, long overdue,
                            long escalated, long remindersSent, long aiCorrect, long aiPartial, long aiWrong,
                            Double ratingAvg, long ratingCount) {
}
