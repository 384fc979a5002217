package ru.rosobr.assistant.analytics.projection.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.analytics.projection.Measure;
import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.platform.transaction.TransactionBuffers;

/**
 * Applies appeal events to the per-region, per-day counters. Runs inside the consumer's transaction, so an event
 * counts exactly once even when Kafka redelivers it; the appeal marks make each counter count an appeal once.
 */
public class Projector {

    /** Federal statistics count days in Moscow time. */
    public static final ZoneId REPORT_ZONE = ZoneId.of("Europe/Moscow");

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final DatabaseClient db;
    private final Clock clock;

    public Projector(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Counts the appeal under {@code measure} on the event's day, unless it was counted there before. */
    public Mono<Void> count(Measure measure, AppealEvent e) {
        if (e.region() == null || e.region().isBlank()) {
            log.warn("{} event {} of appeal {} has no region; not counted", measure, e.eventId(), e.appealId());
            return Mono.empty();
        }
        LocalDate day = dayOf(e.occurredAt());
        return db.sql("insert into appeal_marks (appeal_id, mark, region, day) values (:appeal, :mark, :region, :day) "
                        + "on conflict do nothing")
                .bind("appeal", e.appealId())
                .bind("mark", measure.mark())
                .bind("region", e.region())
                .bind("day", day)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? add(e.region(), day, measure.column(), 1)
                        : Mono.fromRunnable(() -> log.debug("appeal {} already counted as {}", e.appealId(),
                                measure)));
    }

    public Mono<Void> judged(AiJudged e) {
        Measure m = switch (e.verdict()) {
            case CORRECT -> Measure.AI_CORRECT;
            case PARTIAL -> Measure.AI_PARTIAL;
            case WRONG -> Measure.AI_WRONG;
        };
        return count(m, e);
    }

    /** The appeal's latest rating counts: a new rating replaces the earlier one (on the earlier one's day). */
    public Mono<Void> rated(AppealRated e) {
        if (e.region() == null || e.region().isBlank()) {
            log.warn("rating {} of appeal {} has no region; not counted", e.eventId(), e.appealId());
            return Mono.empty();
        }
        LocalDate day = dayOf(e.occurredAt());
        Instant at = e.occurredAt() != null ? e.occurredAt() : clock.instant();
        Mono<Void> retractEarlier = db.sql("select region, day, rating from appeal_ratings where appeal_id = :a for update")
                .bind("a", e.appealId())
                .map((r, m) -> new Earlier(r.get("region", String.class), r.get("day", LocalDate.class),
                        r.get("rating", Integer.class)))
                .one()
                .flatMap(old -> add(old.region(), old.day(), "rating_sum", -old.rating())
                        .then(add(old.region(), old.day(), "rating_count", -1)));
        Mono<Void> store = db.sql("""
                        insert into appeal_ratings (appeal_id, region, day, rating, rated_at)
                        values (:a, :r, :d, :n, :at)
                        on conflict (appeal_id) do update
                           set region = excluded.region, day = excluded.day, rating = excluded.rating,
                               rated_at = excluded.rated_at""")
                .bind("a", e.appealId())
                .bind("r", e.region())
                .bind("d", day)
                .bind("n", e.rating())
                .bind("at", at)
                .then();
        Mono<Void> add = Mono.defer(() -> add(e.region(), day, "rating_sum", e.rating())
                .then(add(e.region(), day, "rating_count", 1)));
        return retractEarlier.then(store).then(add);
    }

    private record Earlier(String region, LocalDate day, int rating) {
    }

    /**
     * Adds to a counter: inside a transaction, to its {@link CounterDeltas} (written once, before the commit);
     * outside one, at once.
     */
    private Mono<Void> add(String region, LocalDate day, String column, long n) {
        return TransactionBuffers.current(this, CounterDeltas::new, d -> d.flush(db), d -> { })
                .map(d -> {
                    d.add(region, day, column, n);
                    return true;
                })
                .switchIfEmpty(Mono.defer(() -> {
                    CounterDeltas single = new CounterDeltas();
                    single.add(region, day, column, n);
                    return single.flush(db).thenReturn(true);
                }))
                .then();
    }

    private LocalDate dayOf(Instant occurredAt) {
        return LocalDate.ofInstant(occurredAt != null ? occurredAt : clock.instant(), REPORT_ZONE);
    }
}
