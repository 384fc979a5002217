package ru.rosobr.assistant.platform.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Gauges of the service's own state in PostgreSQL — the outbox backlog and any count a service adds with
 * {@code assistant.metrics.gauges.<name-with-hyphens>=<select count(*) …>}, exported as {@code assistant_<name>} —
 * read every {@code interval} (not on each scrape, so a scrape never waits on the database). Dead letters have their
 * own gauge, {@code assistant_dead_letters_pending}, next to their admin API. Every replica of a service reads the
 * same tables and exports the same value: aggregate them with {@code max by (application)}, never {@code sum}.
 */
public class StateGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StateGauges.class);

    private final DatabaseClient db;
    private final Duration interval;
    private final Map<String, String> queries = new LinkedHashMap<>();
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    public StateGauges(DatabaseClient db, MeterRegistry registry, Duration interval, Map<String, String> extra) {
        this.db = db;
        this.interval = interval;
        queries.put("assistant.outbox.backlog", "select count(*) from outbox where published_at is null");
        extra.forEach((name, sql) -> queries.put("assistant." + name.replace('_', '.').replace('-', '.'), sql));
        queries.forEach((name, sql) -> {
            values.put(name, Double.NaN);
            Gauge.builder(name, values, v -> v.getOrDefault(name, Double.NaN))
                    .description(description(name))
                    .register(registry);
        });
    }

    private static String description(String name) {
        return switch (name) {
            case "assistant.outbox.backlog" -> "Events in the outbox not yet published";
            default -> "Service state: " + name;
        };
    }

    void refresh() {
        queries.forEach((name, sql) -> {
            try {
                Long n = db.sql(sql).map((r, m) -> r.get(0, Long.class)).one().block(Duration.ofSeconds(10));
                values.put(name, n == null ? 0 : n.doubleValue());
            } catch (RuntimeException e) {
                log.debug("gauge {} not read: {}", name, e.toString());
            }
        });
    }

    @Override
    public void start() {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "state-gauges");
            t.setDaemon(true);
            return t;
        });
        ex.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = ex;
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        if (ex != null) {
            ex.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
