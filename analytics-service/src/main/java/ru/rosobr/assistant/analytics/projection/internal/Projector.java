package ru.rosobr.assistant.analytics.projection.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.analytics.projection.Latency;
import ru.rosobr.assistant.analytics.projection.Measure;
import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.platform.transaction.TransactionBuffers;

/**
 * Applies appeal events to the per-region, per-day counters and to the appeal's facts. Runs inside the consumer's
 * transaction, so an event counts exactly once even when Kafka redelivers it; the appeal marks make each counter
 * count an appeal once. Nothing here depends on the order of events of different topics (a replay reads topics in
 * any order): a figure that needs two events is counted by whichever of them comes second.
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
        return count(measure, e, null);
    }

    public Mono<Void> matched(AnswerMatched e) {
        return count(Measure.AUTO_ANSWERED, e, e.topic());
    }

    public Mono<Void> unmatched(AnswerUnmatched e) {
        return count(Measure.UNMATCHED, e, e.candidateTopic());
    }

    private Mono<Void> count(Measure measure, AppealEvent e, String topic) {
        if (e.region() == null || e.region().isBlank()) {
            log.warn("{} event {} of appeal {} has no region; not counted", measure, e.eventId(), e.appealId());
            return Mono.empty();
        }
        Instant at = at(e.occurredAt());
        LocalDate day = dayOf(at);
        Fact fact = fact(measure);
        String mark = "insert into appeal_marks (appeal_id, mark, region, day) values (:appeal, :mark, :region, :day) "
                + "on conflict do nothing";
        if (fact == null) {
            return bindEvent(db.sql(mark), measure, e, day)
                    .fetch().rowsUpdated()
                    .flatMap(inserted -> counted(measure, e, day, inserted == 1));
        }
        // one round trip: the mark, the appeal's fact, and the facts as they stand after this event
        String sql = "with m as (" + mark + " returning 1), f as (insert into appeal_facts as a (appeal_id, region, "
                + fact.columns() + ") values (:appeal, :region, " + fact.values() + ") on conflict (appeal_id) do "
                + "update set " + fact.set() + " returning a.received_at, a.matched_at, a.unmatched, a.replied_at) "
                + "select (select count(*) from m) as marked, f.* from f";
        var spec = bindEvent(db.sql(sql), measure, e, day);
        if (sql.contains(":at")) {
            spec = spec.bind("at", at);
        }
        if (sql.contains(":topic")) {
            spec = spec.bind("topic", Parameter.fromOrEmpty(topic, String.class));
        }
        if (sql.contains(":verdict")) {
            spec = spec.bind("verdict", measure.verdict());
        }
        return spec.map((r, m) -> new Facts(r.get("marked", Long.class) == 1, instant(r, "received_at"),
                        instant(r, "matched_at"), Boolean.TRUE.equals(r.get("unmatched", Boolean.class)),
                        instant(r, "replied_at")))
                .one()
                .flatMap(f -> counted(measure, e, day, f.marked()).then(latencies(e, f)));
    }

    private static DatabaseClient.GenericExecuteSpec bindEvent(DatabaseClient.GenericExecuteSpec spec, Measure measure,
                                                               AppealEvent e, LocalDate day) {
        return spec.bind("appeal", e.appealId()).bind("mark", measure.mark()).bind("region", e.region())
                .bind("day", day);
    }

    private Mono<Void> counted(Measure measure, AppealEvent e, LocalDate day, boolean first) {
        return first ? add(CounterDeltas.Table.REGION_DAY, List.of(e.region(), day), measure.column(), 1)
                : Mono.fromRunnable(() -> log.debug("appeal {} already counted as {}", e.appealId(), measure));
    }

    /** How an event sets the appeal's facts: on the first event of the appeal, and on a later one (constants). */
    private record Fact(String columns, String values, String set) {
    }

    /** The fact a measure records, or null when it records none. */
    private static Fact fact(Measure measure) {
        return switch (measure) {
            case RECEIVED -> new Fact("received_at", ":at", "received_at = excluded.received_at");
            // the AI's topic wins over an unmatched candidate, whichever comes first
            case AUTO_ANSWERED -> new Fact("matched_at, topic, topic_day", ":at, :topic, :day",
                    "matched_at = excluded.matched_at, topic = excluded.topic, topic_day = excluded.topic_day");
            case UNMATCHED -> new Fact("unmatched, topic, topic_day", "true, :topic, :day",
                    "unmatched = true, topic = case when a.matched_at is null then excluded.topic else a.topic end, "
                            + "topic_day = case when a.matched_at is null then excluded.topic_day else a.topic_day end");
            case HUMAN_REQUESTED -> new Fact("human_requested", "true", "human_requested = true");
            case ROUTED -> new Fact("routed", "true", "routed = true");
            case ANSWERED -> new Fact("replied_at", ":at", "replied_at = coalesce(a.replied_at, excluded.replied_at)");
            case OVERDUE -> new Fact("overdue", "true", "overdue = true");
            case ESCALATED -> new Fact("escalated", "true", "escalated = true");
            case AI_CORRECT, AI_PARTIAL, AI_WRONG -> new Fact("verdict", ":verdict",
                    "verdict = coalesce(a.verdict, excluded.verdict)");
            case OFFTOPIC, REMINDED -> null;
        };
    }

    private record Facts(boolean marked, Instant receivedAt, Instant matchedAt, boolean unmatched,
                         Instant repliedAt) {
    }

    /** Times to answer, each counted once, as soon as both of its ends are known. */
    private Mono<Void> latencies(AppealEvent e, Facts f) {
        if (f.receivedAt() == null) {
            return Mono.empty();
        }
        List<Mono<Void>> work = new ArrayList<>(2);
        if (f.matchedAt() != null) {
            work.add(latency(e, "LAT_FIRST", Latency.FIRST, f.receivedAt(), f.matchedAt()));
        } else if (f.unmatched() && f.repliedAt() != null) {
            work.add(latency(e, "LAT_FIRST", Latency.FIRST, f.receivedAt(), f.repliedAt()));
        }
        if (f.repliedAt() != null) {
            work.add(latency(e, "LAT_SPECIALIST", Latency.SPECIALIST, f.receivedAt(), f.repliedAt()));
        }
        return Flux.concat(work).then();
    }

    private Mono<Void> latency(AppealEvent e, String mark, String kind, Instant from, Instant to) {
        LocalDate day = dayOf(to);
        return db.sql("insert into appeal_marks (appeal_id, mark, region, day) values (:appeal, :mark, :region, :day) "
                        + "on conflict do nothing")
                .bind("appeal", e.appealId()).bind("mark", mark).bind("region", e.region()).bind("day", day)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? add(CounterDeltas.Table.LATENCY,
                        List.of(e.region(), day, kind, Latency.bucketOf(Duration.between(from, to))), "n", 1)
                        : Mono.empty());
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
        Instant at = at(e.occurredAt());
        LocalDate day = dayOf(at);
        Mono<Void> retractEarlier = db.sql("select region, day, rating from appeal_ratings where appeal_id = :a for update")
                .bind("a", e.appealId())
                .map((r, m) -> new Earlier(r.get("region", String.class), r.get("day", LocalDate.class),
                        r.get("rating", Integer.class)))
                .one()
                .flatMap(old -> rating(old.region(), old.day(), old.rating(), -1));
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
        Mono<Void> fact = db.sql("""
                        insert into appeal_facts (appeal_id, region, rating, rated_at) values (:a, :r, :n, :at)
                        on conflict (appeal_id) do update set rating = excluded.rating, rated_at = excluded.rated_at""")
                .bind("a", e.appealId())
                .bind("r", e.region())
                .bind("n", e.rating())
                .bind("at", at)
                .then();
        Mono<Void> add = Mono.defer(() -> rating(e.region(), day, e.rating(), 1));
        // every rating given counts here once (the event is applied once), a re-rating too: these only grow
        List<Object> row = List.of(e.region(), day);
        Mono<Void> given = Mono.defer(() -> add(CounterDeltas.Table.REGION_DAY, row, "ratings_given", 1)
                .then(add(CounterDeltas.Table.REGION_DAY, row, "rating_points_given", e.rating())));
        return retractEarlier.then(store).then(fact).then(add).then(given);
    }

    private Mono<Void> rating(String region, LocalDate day, int rating, int sign) {
        List<Object> row = List.of(region, day);
        return add(CounterDeltas.Table.REGION_DAY, row, "rating_sum", (long) sign * rating)
                .then(add(CounterDeltas.Table.REGION_DAY, row, "rating_count", sign))
                .then(add(CounterDeltas.Table.REGION_DAY, row, "rating_" + rating, sign));
    }

    private record Earlier(String region, LocalDate day, int rating) {
    }

    /** KB growth: each published version once, a first version as a new entry, a later one as an update. */
    public Mono<Void> published(KbEntryPublished e) {
        LocalDate day = dayOf(at(e.occurredAt()));
        String topic = e.topic() == null || e.topic().isBlank() ? "—" : e.topic();
        return db.sql("insert into kb_versions (entry_id, version) values (:id, :v) on conflict do nothing")
                .bind("id", e.entryId())
                .bind("v", e.version())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? add(CounterDeltas.Table.KB_DAY, List.of(day, topic), e.version() <= 1 ? "created" : "updated", 1)
                        : Mono.empty());
    }

    /**
     * teacher.changed: the teacher's latest state (an older event, redelivered or replayed after a newer one, does not
     * overwrite it), counted per region by the per-capita figures.
     */
    public Mono<Void> teacherChanged(TeacherChanged e) {
        return db.sql("insert into teachers (teacher_id, region, verified, changed_at) values (:id, :region, :verified, :at) "
                        + "on conflict (teacher_id) do update set region = excluded.region, verified = excluded.verified, "
                        + "changed_at = excluded.changed_at where teachers.changed_at <= excluded.changed_at")
                .bind("id", e.teacherId())
                .bind("region", Parameter.fromOrEmpty(e.region() == null || e.region().isBlank() ? null : e.region(),
                        String.class))
                .bind("verified", e.verified())
                .bind("at", e.occurredAt())
                .then();
    }

    /**
     * Adds to a counter: inside a transaction, to the table's {@link CounterDeltas} (written once, before the
     * commit); outside one, at once.
     */
    private Mono<Void> add(CounterDeltas.Table table, List<Object> key, String column, long n) {
        return TransactionBuffers.current(table, () -> new CounterDeltas(table), d -> d.flush(db), d -> { })
                .map(d -> {
                    d.add(key, column, n);
                    return true;
                })
                .switchIfEmpty(Mono.defer(() -> {
                    CounterDeltas single = new CounterDeltas(table);
                    single.add(key, column, n);
                    return single.flush(db).thenReturn(true);
                }))
                .then();
    }

    private static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private Instant at(Instant occurredAt) {
        return occurredAt != null ? occurredAt : clock.instant();
    }

    private LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, REPORT_ZONE);
    }
}
