package ru.rosobr.assistant.analytics.projection.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The increments of one counter table that one transaction (a consumer batch) makes, summed per row and written in
 * one upsert just before the commit. Every event of a region and day touches the same row, so writing them one by
 * one would hold that row's lock for the whole batch and make concurrent batches wait on each other — or deadlock
 * when they touch two rows in opposite orders; sorted and written last, they do neither.
 */
final class CounterDeltas {

    /** A counter table: its name and its key columns (text, date or int), all constants, never input. */
    record Table(String name, List<String> keys, List<String> keyTypes) {
        static final Table REGION_DAY = new Table("region_day_stats", List.of("region", "day"),
                List.of("text", "date"));
        static final Table LATENCY = new Table("latency_day_buckets", List.of("region", "day", "kind", "bucket"),
                List.of("text", "date", "text", "int"));
        static final Table KB_DAY = new Table("kb_day_stats", List.of("day", "topic"), List.of("date", "text"));
        static final Table CAMPAIGN_DAY = new Table("campaign_day_stats", List.of("region", "day"),
                List.of("text", "date"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Object>> ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final Table table;
    private final Map<List<Object>, Map<String, Long>> deltas = new TreeMap<>(ORDER);

    CounterDeltas(Table table) {
        this.table = table;
    }

    /** {@code column} is a constant of the projection, never from input; {@code key} matches the table's keys. */
    void add(List<Object> key, String column, long n) {
        deltas.computeIfAbsent(key, r -> new TreeMap<>()).merge(column, n, Long::sum);
    }

    void add(String region, LocalDate day, String column, long n) {
        add(List.of(region, day), column, n);
    }

    Mono<Void> flush(DatabaseClient db) {
        if (deltas.isEmpty()) {
            return Mono.empty();
        }
        List<String> columns = deltas.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted()
                .toList();
        int n = deltas.size();
        int k = table.keys().size();
        List<Object[]> keys = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            keys.add(switch (table.keyTypes().get(j)) {
                case "date" -> new LocalDate[n];
                case "int" -> new Integer[n];
                default -> new String[n];
            });
        }
        Long[][] values = new Long[columns.size()][n];
        int i = 0;
        for (Map.Entry<List<Object>, Map<String, Long>> e : deltas.entrySet()) {
            for (int j = 0; j < k; j++) {
                keys.get(j)[i] = e.getKey().get(j);
            }
            for (int c = 0; c < columns.size(); c++) {
                values[c][i] = e.getValue().getOrDefault(columns.get(c), 0L);
            }
            i++;
        }
        StringBuilder unnest = new StringBuilder("unnest(");
        for (int j = 0; j < k; j++) {
            unnest.append(j == 0 ? "" : ", ").append(":k").append(j).append("::").append(table.keyTypes().get(j))
                    .append("[]");
        }
        for (int c = 0; c < columns.size(); c++) {
            unnest.append(", :c").append(c).append("::bigint[]");
        }
        unnest.append(')');
        String keyList = String.join(", ", table.keys());
        String set = columns.stream().map(c -> c + " = " + table.name() + "." + c + " + excluded." + c)
                .collect(Collectors.joining(", "));
        // the rows come sorted by key: every transaction locks them in the same order
        var spec = db.sql("insert into " + table.name() + " (" + keyList + ", " + String.join(", ", columns)
                + ") select * from " + unnest + " on conflict (" + keyList + ") do update set " + set);
        for (int j = 0; j < k; j++) {
            spec = spec.bind("k" + j, keys.get(j));
        }
        for (int c = 0; c < columns.size(); c++) {
            spec = spec.bind("c" + c, values[c]);
        }
        return spec.then();
    }
}
