package ru.rosobr.assistant.analytics.summary;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one row of a breakdown — a day, a region or a KB topic — for a period. Times are in seconds,
 * estimated from the histogram buckets; null where nothing was measured. {@code ratings} holds the count of each
 * rating 1..5 (the appeal's latest rating).
 *
 * @param key         the day (ГГГГ-ММ-ДД), the region code or the topic id
 * @param name        the region's name (rows by region), else null
 * @param appeals     rows by topic: appeals with that topic; else appeals received
 */
public record Figures(String key, String name, LocalDate day, long appeals, long autoAnswered, long unmatched,
                      long humanRequested, long routed, long answered, long offTopic, long overdue, long escalated,
                      long aiCorrect, long aiPartial, long aiWrong, Double ratingAvg, long ratingCount,
                      List<Long> ratings, Long firstAnswerMedian, Long firstAnswerP90, Long specialistAnswerMedian,
                      Long specialistAnswerP90) {
}
