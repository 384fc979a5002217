package ru.rosobr.assistant.analytics.summary;

import org.jspecify.annotations.Nullable;

/**
 * One region's statistics for a period (contract: region, regionName, received, autoAnswered, routed, answered,
 * ratingAvg; the rest is additional). {@code ratingAvg} is null when nobody rated (each appeal's latest rating);
 * {@code ratingsGiven} and {@code ratingPointsGiven} count every rating given, re-ratings included: they only grow,
 * so the metrics export them for Grafana to average the ratings of any window.
 */
public record RegionSummary(String region, @Nullable String regionName, long received, long autoAnswered,
                            long unmatched, long humanRequested, long routed, long answered, long offTopic,
                            long overdue, long escalated, long remindersSent, long aiCorrect, long aiPartial,
                            long aiWrong, @Nullable Double ratingAvg, long ratingCount, long ratingsGiven,
                            long ratingPointsGiven) {
}
