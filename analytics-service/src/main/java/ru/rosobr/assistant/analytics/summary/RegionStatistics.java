package ru.rosobr.assistant.analytics.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.reference.Regions;

/** The read side of the projection: sums the per-day counters over a period, per region (API and metrics). */
public class RegionStatistics {

    private static final String COLUMNS = """
            coalesce(sum(received), 0)::bigint as received, coalesce(sum(auto_answered), 0)::bigint as auto_answered,
            coalesce(sum(unmatched), 0)::bigint as unmatched, coalesce(sum(human_requested), 0)::bigint as human_requested,
            coalesce(sum(routed), 0)::bigint as routed, coalesce(sum(answered), 0)::bigint as answered,
            coalesce(sum(offtopic), 0)::bigint as offtopic, coalesce(sum(overdue), 0)::bigint as overdue,
            coalesce(sum(escalated), 0)::bigint as escalated, coalesce(sum(reminders), 0)::bigint as reminders,
            coalesce(sum(ai_correct), 0)::bigint as ai_correct, coalesce(sum(ai_partial), 0)::bigint as ai_partial,
            coalesce(sum(ai_wrong), 0)::bigint as ai_wrong, coalesce(sum(rating_sum), 0)::bigint as rating_sum,
            coalesce(sum(rating_count), 0)::bigint as rating_count,
            coalesce(sum(ratings_given), 0)::bigint as ratings_given,
            coalesce(sum(rating_points_given), 0)::bigint as rating_points_given""";

    private final DatabaseClient db;

    public RegionStatistics(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Per region with any activity in [from, to] (either bound may be null: open), ordered by region code;
     * {@code region} non-null restricts the answer to that region.
     */
    public Mono<List<RegionSummary>> summary(LocalDate from, LocalDate to, String region) {
        return db.sql("select region, " + COLUMNS + " from region_day_stats "
                        + "where (cast(:from as date) is null or day >= :from) "
                        + "and (cast(:to as date) is null or day <= :to) "
                        + "and (cast(:region as text) is null or region = :region) "
                        + "group by region order by region")
                .bind("from", Parameter.fromOrEmpty(from, LocalDate.class))
                .bind("to", Parameter.fromOrEmpty(to, LocalDate.class))
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .map(RegionStatistics::row)
                .all()
                .collectList();
    }

    /** All-time totals per region, for the metrics. */
    public Mono<List<RegionSummary>> totals() {
        return summary(null, null, null);
    }

    private static RegionSummary row(Readable r) {
        String region = r.get("region", String.class);
        long ratingSum = r.get("rating_sum", Long.class);
        long ratingCount = r.get("rating_count", Long.class);
        Double avg = ratingCount == 0 ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(ratingCount), 2, RoundingMode.HALF_UP)
                .doubleValue();
        return new RegionSummary(region, Regions.find(region).map(Regions.Region::name).orElse(null),
                r.get("received", Long.class), r.get("auto_answered", Long.class), r.get("unmatched", Long.class),
                r.get("human_requested", Long.class), r.get("routed", Long.class), r.get("answered", Long.class),
                r.get("offtopic", Long.class), r.get("overdue", Long.class), r.get("escalated", Long.class),
                r.get("reminders", Long.class), r.get("ai_correct", Long.class), r.get("ai_partial", Long.class),
                r.get("ai_wrong", Long.class), avg, ratingCount, r.get("ratings_given", Long.class),
                r.get("rating_points_given", Long.class));
    }

    /** A region with no activity: all zeros, no rating. */
    public static RegionSummary empty(String region) {
        return new RegionSummary(region, Regions.find(region).map(Regions.Region::name).orElse(null),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0);
    }
}
