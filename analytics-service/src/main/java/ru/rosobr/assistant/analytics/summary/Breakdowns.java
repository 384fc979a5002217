package ru.rosobr.assistant.analytics.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.analytics.projection.Latency;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * Breakdowns of a period by day, by region and by KB topic, read from the projection: counters and histogram
 * buckets summed over the period (so any period costs one indexed range per table), topics from the appeals' facts.
 */
public class Breakdowns {

    /** What the rows of a breakdown are. */
    public enum By {
        DAY("day"), REGION("region");

        private final String column;

        By(String column) {
            this.column = column;
        }
    }

    private static final String SUMS = """
            sum(received)::bigint as appeals, sum(auto_answered)::bigint as auto_answered,
            sum(unmatched)::bigint as unmatched, sum(human_requested)::bigint as human_requested,
            sum(routed)::bigint as routed, sum(answered)::bigint as answered, sum(offtopic)::bigint as offtopic,
            sum(overdue)::bigint as overdue, sum(escalated)::bigint as escalated,
            sum(ai_correct)::bigint as ai_correct, sum(ai_partial)::bigint as ai_partial,
            sum(ai_wrong)::bigint as ai_wrong, sum(rating_sum)::bigint as rating_sum,
            sum(rating_count)::bigint as rating_count, sum(rating_1)::bigint as r1, sum(rating_2)::bigint as r2,
            sum(rating_3)::bigint as r3, sum(rating_4)::bigint as r4, sum(rating_5)::bigint as r5""";

    private static final String FILTER = " where (cast(:from as date) is null or day >= :from) "
            + "and (cast(:to as date) is null or day <= :to) "
            + "and (cast(:region as text) is null or region = :region) ";

    private final DatabaseClient db;

    public Breakdowns(DatabaseClient db) {
        this.db = db;
    }

    /** Rows by day or region with any activity in the scope, in key order. */
    public Mono<List<Figures>> by(By by, Scope scope) {
        String key = by.column + "::text";
        Mono<Map<String, long[][]>> latencies = bind(db.sql("select " + key + " as k, kind, bucket, sum(n)::bigint as n "
                        + "from latency_day_buckets" + FILTER + "group by 1, 2, 3"), scope)
                .map((r, m) -> new Bucket(r.get("k", String.class), r.get("kind", String.class),
                        r.get("bucket", Integer.class), r.get("n", Long.class)))
                .all()
                .collect(HashMap::new, (map, b) -> map.computeIfAbsent(b.key(),
                        k -> new long[2][Latency.BUCKETS])[Latency.FIRST.equals(b.kind()) ? 0 : 1][b.bucket()] += b.n());
        Mono<Map<String, Long>> teachers = by == By.REGION ? teachers(scope) : Mono.just(Map.of());
        return Mono.zip(latencies, teachers).flatMap(t -> bind(db.sql("select " + key + " as k, " + SUMS
                        + " from region_day_stats" + FILTER + "group by 1 order by 1"), scope)
                .map((r, m) -> {
                    String k = r.get("k", String.class);
                    return row(by, r, t.getT1().get(k)).withTeachers(t.getT2().get(k));
                })
                .all()
                .collectList());
    }

    /** Verified teachers per region in the registry as it is now (the period does not narrow the registry). */
    private Mono<Map<String, Long>> teachers(Scope scope) {
        return db.sql("select region, count(*)::bigint as n from teachers where verified and region is not null "
                        + "and (cast(:region as text) is null or region = :region) group by region")
                .bind("region", Parameter.fromOrEmpty(scope.region(), String.class))
                .map((r, m) -> Map.entry(r.get("region", String.class), r.get("n", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private record Bucket(String key, String kind, int bucket, long n) {
    }

    private static Figures row(By by, Readable r, long[][] latency) {
        String k = r.get("k", String.class);
        long ratingCount = r.get("rating_count", Long.class);
        List<Long> ratings = List.of(r.get("r1", Long.class), r.get("r2", Long.class), r.get("r3", Long.class),
                r.get("r4", Long.class), r.get("r5", Long.class));
        long[] first = latency == null ? new long[Latency.BUCKETS] : latency[0];
        long[] specialist = latency == null ? new long[Latency.BUCKETS] : latency[1];
        return new Figures(k, by == By.REGION ? Regions.find(k).map(Regions.Region::name).orElse(null) : null,
                by == By.DAY ? LocalDate.parse(k) : null,
                r.get("appeals", Long.class), r.get("auto_answered", Long.class), r.get("unmatched", Long.class),
                r.get("human_requested", Long.class), r.get("routed", Long.class), r.get("answered", Long.class),
                r.get("offtopic", Long.class), r.get("overdue", Long.class), r.get("escalated", Long.class),
                r.get("ai_correct", Long.class), r.get("ai_partial", Long.class), r.get("ai_wrong", Long.class),
                average(r.get("rating_sum", Long.class), ratingCount), ratingCount, ratings,
                Latency.quantile(first, 0.5), Latency.quantile(first, 0.9),
                Latency.quantile(specialist, 0.5), Latency.quantile(specialist, 0.9));
    }

    /**
     * Rows by KB topic: appeals whose topic (of the AI's answer, or the candidate of a question it passed on) was
     * decided in the scope's days. Times here are exact percentiles over the appeals, not bucket estimates.
     */
    public Mono<List<Figures>> byTopic(Scope scope) {
        String first = "extract(epoch from coalesce(matched_at, case when unmatched then replied_at end) - received_at)";
        String specialist = "extract(epoch from replied_at - received_at)";
        return bind(db.sql("""
                        select topic as k,
                               count(*) as appeals,
                               count(*) filter (where matched_at is not null) as auto_answered,
                               count(*) filter (where unmatched and matched_at is null) as unmatched,
                               count(*) filter (where human_requested) as human_requested,
                               count(*) filter (where routed) as routed,
                               count(*) filter (where replied_at is not null) as answered,
                               0::bigint as offtopic,
                               count(*) filter (where overdue) as overdue,
                               count(*) filter (where escalated) as escalated,
                               count(*) filter (where verdict = 'correct') as ai_correct,
                               count(*) filter (where verdict = 'partial') as ai_partial,
                               count(*) filter (where verdict = 'wrong') as ai_wrong,
                               coalesce(sum(rating), 0)::bigint as rating_sum, count(rating) as rating_count,
                               count(*) filter (where rating = 1) as r1, count(*) filter (where rating = 2) as r2,
                               count(*) filter (where rating = 3) as r3, count(*) filter (where rating = 4) as r4,
                               count(*) filter (where rating = 5) as r5,
                               round(percentile_cont(0.5) within group (order by FIRST))::bigint as first_median,
                               round(percentile_cont(0.9) within group (order by FIRST))::bigint as first_p90,
                               round(percentile_cont(0.5) within group (order by SPECIALIST))::bigint as specialist_median,
                               round(percentile_cont(0.9) within group (order by SPECIALIST))::bigint as specialist_p90
                          from appeal_facts
                         where topic is not null
                           and (cast(:from as date) is null or topic_day >= :from)
                           and (cast(:to as date) is null or topic_day <= :to)
                           and (cast(:region as text) is null or region = :region)
                         group by topic order by topic""".replace("FIRST", first).replace("SPECIALIST", specialist)),
                scope)
                .map((r, m) -> {
                    long ratingCount = r.get("rating_count", Long.class);
                    return new Figures(r.get("k", String.class), null, null, r.get("appeals", Long.class),
                            r.get("auto_answered", Long.class), r.get("unmatched", Long.class),
                            r.get("human_requested", Long.class), r.get("routed", Long.class),
                            r.get("answered", Long.class), 0, r.get("overdue", Long.class),
                            r.get("escalated", Long.class), r.get("ai_correct", Long.class),
                            r.get("ai_partial", Long.class), r.get("ai_wrong", Long.class),
                            average(r.get("rating_sum", Long.class), ratingCount), ratingCount,
                            List.of(r.get("r1", Long.class), r.get("r2", Long.class), r.get("r3", Long.class),
                                    r.get("r4", Long.class), r.get("r5", Long.class)),
                            r.get("first_median", Long.class), r.get("first_p90", Long.class),
                            r.get("specialist_median", Long.class), r.get("specialist_p90", Long.class));
                })
                .all()
                .collectList();
    }

    /** KB entries published per day and topic in [from, to] (the KB is federal: not limited by region). */
    public Flux<KbGrowth> kbGrowth(LocalDate from, LocalDate to) {
        return db.sql("select day, topic, created, updated from kb_day_stats "
                        + "where (cast(:from as date) is null or day >= :from) "
                        + "and (cast(:to as date) is null or day <= :to) order by day, topic")
                .bind("from", Parameter.fromOrEmpty(from, LocalDate.class))
                .bind("to", Parameter.fromOrEmpty(to, LocalDate.class))
                .map((r, m) -> new KbGrowth(r.get("day", LocalDate.class), r.get("topic", String.class),
                        r.get("created", Long.class), r.get("updated", Long.class)))
                .all();
    }

    /**
     * Campaign delivery and read rates per region over the scope's days (regions with campaign messages only, in
     * code order; the whole country first as region {@code null} when the scope is not one region).
     */
    public Mono<List<CampaignRates>> campaigns(Scope scope) {
        return bind(db.sql("select region, coalesce(sum(attempted), 0)::bigint as attempted, "
                        + "coalesce(sum(delivered), 0)::bigint as delivered, coalesce(sum(readable), 0)::bigint "
                        + "as readable, coalesce(sum(read), 0)::bigint as read from campaign_day_stats"
                        + FILTER + "group by rollup (region) order by region nulls first"), scope)
                .map((r, m) -> {
                    String region = r.get("region", String.class);
                    long attempted = r.get("attempted", Long.class);
                    long delivered = r.get("delivered", Long.class);
                    long readable = r.get("readable", Long.class);
                    long read = r.get("read", Long.class);
                    String name = region == null ? "Все регионы"
                            : Regions.find(region).map(Regions.Region::name).orElse(region);
                    return new CampaignRates(region, name, attempted, delivered, Math.max(0, attempted - delivered),
                            readable, read, CampaignRates.rate(delivered, attempted), CampaignRates.rate(read, readable),
                            CampaignRates.READ_NOTE);
                })
                .all()
                // one region asked for (or a regional user): its own row, no national total; no campaign at all:
                // nothing (the roll-up's empty total)
                .filter(c -> c.region() != null || (scope.region() == null && c.attempted() + c.read() > 0))
                .collectList();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Scope scope) {
        return spec.bind("from", Parameter.fromOrEmpty(scope.from(), LocalDate.class))
                .bind("to", Parameter.fromOrEmpty(scope.to(), LocalDate.class))
                .bind("region", Parameter.fromOrEmpty(scope.region(), String.class));
    }

    static Double average(long sum, long count) {
        return count == 0 ? null
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
