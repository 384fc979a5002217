package ru.rosobr.assistant.analytics.projection;

import java.time.Duration;

/**
 * Times to answer as histograms with fixed bucket bounds (seconds): the counts of any set of days and regions add
 * up, and a quantile of the sum is estimated as Prometheus estimates {@code histogram_quantile} — linearly inside the
 * bucket that holds the rank. Changing the bounds means rebuilding the projection.
 */
public final class Latency {

    /** FIRST: received → first answer (the AI's, or the specialist's for a question the AI passed on). */
    public static final String FIRST = "FIRST";
    /** SPECIALIST: received → the first reply of a specialist. */
    public static final String SPECIALIST = "SPECIALIST";

    /** Upper bounds (inclusive) of buckets 0..n-1; bucket n holds everything longer. */
    static final long[] BOUNDS = {1, 2, 5, 10, 30, 60, 120, 300, 600, 1_800, 3_600, 7_200, 14_400, 28_800, 86_400,
            172_800, 432_000, 864_000, 1_728_000};

    public static final int BUCKETS = BOUNDS.length + 1;

    private Latency() {
    }

    public static int bucketOf(Duration d) {
        long seconds = Math.max(0, (d.toMillis() + 999) / 1000);
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                return i;
            }
        }
        return BOUNDS.length;
    }

    /**
     * The {@code q}-quantile (0..1) in seconds of the counts per bucket, rounded to whole seconds; null when there
     * are none. A rank in the open last bucket reports its lower bound.
     */
    public static Long quantile(long[] counts, double q) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long before = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && before + counts[i] >= rank) {
                double lower = i == 0 ? 0 : BOUNDS[i - 1];
                if (i == BOUNDS.length) {
                    return (long) lower;
                }
                double upper = BOUNDS[i];
                return Math.round(lower + (upper - lower) * (rank - before) / counts[i]);
            }
            before += counts[i];
        }
        return (long) BOUNDS[BOUNDS.length - 1];
    }
}
