package ru.rosobr.assistant.platform.retention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes what is past its retention, table by table, in slices of {@code batch} rows until nothing is left. Every
 * replica runs it: a slice locks its rows with {@code FOR UPDATE SKIP LOCKED}, so two replicas purging at once
 * delete disjoint rows and never wait for each other or fail. The platform runs a pass every
 * {@code assistant.retention.interval} ({@code PeriodicTask}).
 */
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final DatabaseClient db;
    private final List<RetentionRule> rules;
    private final int batch;

    public RetentionPurge(DatabaseClient db, List<RetentionRule> rules, int batch) {
        this.db = db;
        this.rules = List.copyOf(rules);
        this.batch = batch;
    }

    public List<RetentionRule> rules() {
        return rules;
    }

    /** One pass over every table; emits how many rows each lost (and logs it when anything went). */
    public Mono<Map<String, Long>> purgeOnce() {
        return Flux.fromIterable(rules)
                .concatMap(rule -> purge(rule).map(n -> Map.entry(rule.table(), n)), 0)
                .collect(LinkedHashMap<String, Long>::new, (m, e) -> m.merge(e.getKey(), e.getValue(), Long::sum))
                .map(m -> (Map<String, Long>) m)
                .doOnNext(counts -> {
                    if (counts.values().stream().anyMatch(n -> n > 0)) {
                        log.info("retention purge deleted {}", counts);
                    }
                });
    }

    private Mono<Long> purge(RetentionRule rule) {
        String where = rule.timeColumn() + " < now() - :seconds * interval '1 second'"
                + (rule.condition() == null ? "" : " and (" + rule.condition() + ")");
        String sql = "delete from " + rule.table() + " where ctid = any(array(select ctid from " + rule.table()
                + " where " + where + " limit :batch for update skip locked))";
        Mono<Long> slice = db.sql(sql).bind("seconds", rule.retention().toSeconds()).bind("batch", batch)
                .fetch().rowsUpdated();
        return slice.expand(n -> n >= batch ? slice : Mono.empty()).reduce(0L, Long::sum);
    }
}
