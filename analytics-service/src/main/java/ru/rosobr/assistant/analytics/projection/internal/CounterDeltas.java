package ru.rosobr.assistant.analytics.projection.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The increments of {@code region_day_stats} that one transaction (a consumer batch) makes, summed per row and
 * written in one upsert just before the commit. Every event of a region and day touches the same row, so writing
 * them one by one would hold that row's lock for the whole batch and make concurrent batches wait on each other —
 * or deadlock when they touch two rows in opposite orders; sorted and written last, they do neither.
 */
final class CounterDeltas {

    private record Row(String region, LocalDate day) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::region).thenComparing(Row::day);

    private final Map<Row, Map<String, Long>> deltas = new TreeMap<>(ORDER);

    /** {@code column} comes from the Measure enum or the rating columns, never from input. */
    void add(String region, LocalDate day, String column, long n) {
        deltas.computeIfAbsent(new Row(region, day), r -> new TreeMap<>()).merge(column, n, Long::sum);
    }

    Mono<Void> flush(DatabaseClient db) {
        if (deltas.isEmpty()) {
            return Mono.empty();
        }
        List<String> columns = deltas.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted()
                .toList();
        int n = deltas.size();
        String[] regions = new String[n];
        LocalDate[] days = new LocalDate[n];
        Long[][] values = new Long[columns.size()][n];
        int i = 0;
        for (Map.Entry<Row, Map<String, Long>> e : deltas.entrySet()) {
            regions[i] = e.getKey().region();
            days[i] = e.getKey().day();
            for (int c = 0; c < columns.size(); c++) {
                values[c][i] = e.getValue().getOrDefault(columns.get(c), 0L);
            }
            i++;
        }
        StringBuilder unnest = new StringBuilder("unnest(:regions::text[], :days::date[]");
        for (int c = 0; c < columns.size(); c++) {
            unnest.append(", :c").append(c).append("::bigint[]");
        }
        unnest.append(')');
        String cols = String.join(", ", columns);
        String set = columns.stream().map(c -> c + " = region_day_stats." + c + " + excluded." + c)
                .collect(Collectors.joining(", "));
        // the rows come sorted by (region, day): every transaction locks them in the same order
        var spec = db.sql("insert into region_day_stats (region, day, " + cols + ") select * from " + unnest
                        + " on conflict (region, day) do update set " + set)
                .bind("regions", regions)
                .bind("days", days);
        for (int c = 0; c < columns.size(); c++) {
            spec = spec.bind("c" + c, values[c]);
        }
        return spec.then();
    }
}
