package ru.rosobr.assistant.analytics.summary;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The figures of one row of a breakdown — a day, a region or a KB topic — for a period. Times are in seconds,
 * estimated from the histogram buckets; null where nothing was measured. {@code ratings} holds the count of each
 * rating 1..5 (the appeal's latest rating).
 *
 * @param key         the day (ГГГГ-ММ-ДД), the region code or the topic id
 * @param name        the region's name (rows by region), else null
 * @param appeals     rows by topic: appeals with that topic; else appeals received
 * @param teachers    rows by region: verified teachers of the region in the registry now; null when it knows none
 * @param appealsPerThousandTeachers rows by region: {@code appeals} × 1000 / {@code teachers} (to hundredths)
 */
public record Figures(String key, @Nullable String name, @Nullable LocalDate day, long appeals, long autoAnswered,
                      long unmatched, long humanRequested, long routed, long answered, long offTopic, long overdue,
                      long escalated, long aiCorrect, long aiPartial, long aiWrong, @Nullable Double ratingAvg,
                      long ratingCount, List<Long> ratings, @Nullable Long firstAnswerMedian,
                      @Nullable Long firstAnswerP90, @Nullable Long specialistAnswerMedian,
                      @Nullable Long specialistAnswerP90, @Nullable Long teachers,
                      @Nullable Double appealsPerThousandTeachers) {

    /** Without the per-capita figures (rows by day or topic, a region the registry knows no teachers of). */
    public Figures(String key, String name, LocalDate day, long appeals, long autoAnswered, long unmatched,
                   long humanRequested, long routed, long answered, long offTopic, long overdue, long escalated,
                   long aiCorrect, long aiPartial, long aiWrong, Double ratingAvg, long ratingCount,
                   List<Long> ratings, Long firstAnswerMedian, Long firstAnswerP90, Long specialistAnswerMedian,
                   Long specialistAnswerP90) {
        this(key, name, day, appeals, autoAnswered, unmatched, humanRequested, routed, answered, offTopic, overdue,
                escalated, aiCorrect, aiPartial, aiWrong, ratingAvg, ratingCount, ratings, firstAnswerMedian,
                firstAnswerP90, specialistAnswerMedian, specialistAnswerP90, null, null);
    }

    /** This row with the region's teacher count (null or 0: unknown, the figures stay null). */
    public Figures withTeachers(Long count) {
        if (count == null || count == 0) {
            return this;
        }
        double perThousand = java.math.BigDecimal.valueOf(appeals * 1000L)
                .divide(java.math.BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_UP).doubleValue();
        return new Figures(key, name, day, appeals, autoAnswered, unmatched, humanRequested, routed, answered,
                offTopic, overdue, escalated, aiCorrect, aiPartial, aiWrong, ratingAvg, ratingCount, ratings,
                firstAnswerMedian, firstAnswerP90, specialistAnswerMedian, specialistAnswerP90, count, perThousand);
    }
}
