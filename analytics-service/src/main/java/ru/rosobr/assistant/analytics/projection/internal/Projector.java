package ru.rosobr.assistant.analytics.projection.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.analytics.projection.Latency;
import ru.rosobr.assistant.analytics.projection.Measure;
import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.platform.transaction.TransactionBuffers;

/**
 * Applies appeal events to the per-region, per-day counters and to the appeal's facts. Runs inside the consumer's
 * transaction, so an event counts exactly once even when Kafka redelivers it; the appeal marks make each counter
 * count an appeal once. Nothing here depends on the order of events of different topics (a replay reads topics in
 * any order): a figure that needs two events is counted by whichever of them comes second.
 *
 * <p>Each method takes a run of events of one topic and writes it in a fixed number of statements, whatever its
 * length: the figures are those of applying the events one by one, in order (several events of one appeal in a run
 * are folded into what the last of them leaves, and what the first of them counted).
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

    /** Counts each appeal under {@code measure} on its event's day, unless it was counted there before. */
    public Mono<Void> count(Measure measure, List<? extends AppealEvent> events) {
        return count(events, e -> measure, e -> null);
    }

    public Mono<Void> matched(List<AnswerMatched> events) {
        return count(events, e -> Measure.AUTO_ANSWERED, AnswerMatched::topic);
    }

    public Mono<Void> unmatched(List<AnswerUnmatched> events) {
        return count(events, e -> Measure.UNMATCHED, AnswerUnmatched::candidateTopic);
    }

    /** All verdicts share one mark: an appeal's AI answer is counted by its first verdict. */
    public Mono<Void> judged(List<AiJudged> events) {
        return count(events, e -> switch (e.verdict()) {
            case CORRECT -> Measure.AI_CORRECT;
            case PARTIAL -> Measure.AI_PARTIAL;
            case WRONG -> Measure.AI_WRONG;
        }, e -> null);
    }

    /** One event of a run, with its measure (verdicts differ within a run), time, day and KB topic. */
    private record Item(AppealEvent event, Measure measure, Instant at, LocalDate day, String topic) {
    }

    /** An appeal's events in a run: the first counts and measures, the last leaves its facts. */
    private record Appeal(Item first, Item last) {
    }

    private <E extends AppealEvent> Mono<Void> count(List<E> events, Function<E, Measure> measureOf,
                                                     Function<E, String> topicOf) {
        Map<UUID, Appeal> appeals = new LinkedHashMap<>();
        for (E e : events) {
            Measure measure = measureOf.apply(e);
            if (noRegion(e)) {
                log.warn("{} event {} of appeal {} has no region; not counted", measure, e.eventId(), e.appealId());
                continue;
            }
            Instant at = at(e.occurredAt());
            Item item = new Item(e, measure, at, dayOf(at), topicOf.apply(e));
            appeals.merge(e.appealId(), new Appeal(item, item), (was, now) -> new Appeal(was.first(), item));
        }
        if (appeals.isEmpty()) {
            return Mono.empty();
        }
        Measure measure = appeals.values().iterator().next().first().measure();
        Fact fact = fact(measure);
        int n = appeals.size();
        String[] ids = new String[n];
        String[] regions = new String[n];
        LocalDate[] days = new LocalDate[n];
        String[] at = new String[n];
        String[] firstAt = new String[n];
        String[] topics = new String[n];
        LocalDate[] topicDays = new LocalDate[n];
        String[] verdicts = new String[n];
        int i = 0;
        for (Map.Entry<UUID, Appeal> a : appeals.entrySet()) {
            Item first = a.getValue().first();
            // the appeal's facts as its last event leaves them, unless the measure keeps its first event's
            Item facts = fact != null && fact.latest() ? a.getValue().last() : first;
            ids[i] = a.getKey().toString();
            regions[i] = first.event().region();
            days[i] = first.day();
            // as the driver sends an Instant: its text, which PostgreSQL rounds to microseconds
            at[i] = facts.at().toString();
            firstAt[i] = first.at().toString();
            topics[i] = facts.topic();
            topicDays[i] = facts.day();
            verdicts[i] = facts.measure().verdict();
            i++;
        }
        String mark = "insert into appeal_marks (appeal_id, mark, region, day) select u.appeal, :mark, u.region, "
                + "u.day from unnest(:appeal::uuid[], :region::text[], :day::date[]) as u(appeal, region, day) "
                + "order by u.appeal on conflict do nothing returning appeal_id";
        if (fact == null) {
            return db.sql(mark).bind("mark", measure.mark()).bind("appeal", ids).bind("region", regions)
                    .bind("day", days)
                    .map(r -> r.get("appeal_id", UUID.class))
                    .all().collectList()
                    .flatMap(marked -> counted(appeals, marked));
        }
        // one round trip: the marks, the appeals' facts, and the facts as they stand after the run
        String sql = "with m as (" + mark + "), f as (insert into appeal_facts as a (appeal_id, region, "
                + fact.columns() + ") select u.appeal, u.region, " + fact.values() + " from unnest(:appeal::uuid[], "
                + ":region::text[], :at::timestamptz[], :topic::text[], :topic_day::date[], :verdict::text[]) "
                + "as u(appeal, region, at, topic, topic_day, verdict) order by u.appeal "
                + "on conflict (appeal_id) do update set " + fact.set()
                + " returning a.appeal_id, a.received_at, a.matched_at, a.unmatched, a.replied_at) "
                + "select f.*, f.appeal_id in (select appeal_id from m) as marked, x.first_at from f "
                + "join unnest(:appeal::uuid[], :first_at::timestamptz[]) as x(appeal, first_at) "
                + "on x.appeal = f.appeal_id";
        return db.sql(sql).bind("mark", measure.mark()).bind("appeal", ids).bind("region", regions)
                .bind("day", days).bind("at", at).bind("topic", topics).bind("topic_day", topicDays)
                .bind("verdict", verdicts).bind("first_at", firstAt)
                .map(r -> new Facts(r.get("appeal_id", UUID.class),
                        Boolean.TRUE.equals(r.get("marked", Boolean.class)), instant(r, "received_at"),
                        instant(r, "matched_at"),
                        Boolean.TRUE.equals(r.get("unmatched", Boolean.class)), instant(r, "replied_at"),
                        instant(r, "first_at")))
                .all().collectList()
                .flatMap(facts -> counted(appeals, facts.stream().filter(Facts::marked).map(Facts::appeal).toList())
                        .then(fact.timed() ? latencies(appeals, facts) : Mono.empty()));
    }

    private Mono<Void> counted(Map<UUID, Appeal> appeals, List<UUID> marked) {
        if (log.isDebugEnabled()) {
            appeals.keySet().stream().filter(a -> !marked.contains(a)).forEach(a ->
                    log.debug("appeal {} already counted as {}", a, appeals.get(a).first().measure()));
        }
        return add(CounterDeltas.Table.REGION_DAY, d -> marked.forEach(a -> {
            Item first = appeals.get(a).first();
            d.add(first.event().region(), first.day(), first.measure().column(), 1);
        }));
    }

    /**
     * How an event sets the appeal's facts: on the first event of the appeal, and on a later one (constants);
     * {@code latest}: of several events of an appeal in a run, the last one's values stand (else the first one's);
     * {@code timed}: the fact is an end of a time to answer. Only such a fact can make a time known: the event that
     * set an appeal's later end found the other one in the facts row (its upsert waits for a concurrent one) and
     * counted the time then, so for any other fact the attempt is skipped — it could only find the mark set.
     */
    private record Fact(String columns, String values, String set, boolean latest, boolean timed) {
    }

    /** The fact a measure records, or null when it records none. */
    private static Fact fact(Measure measure) {
        return switch (measure) {
            case RECEIVED -> new Fact("received_at", "u.at", "received_at = excluded.received_at", true, true);
            // the AI's topic wins over an unmatched candidate, whichever comes first
            case AUTO_ANSWERED -> new Fact("matched_at, topic, topic_day", "u.at, u.topic, u.topic_day",
                    "matched_at = excluded.matched_at, topic = excluded.topic, topic_day = excluded.topic_day", true,
                    true);
            case UNMATCHED -> new Fact("unmatched, topic, topic_day", "true, u.topic, u.topic_day",
                    "unmatched = true, topic = case when a.matched_at is null then excluded.topic else a.topic end, "
                            + "topic_day = case when a.matched_at is null then excluded.topic_day else a.topic_day end",
                    true, true);
            case HUMAN_REQUESTED -> new Fact("human_requested", "true", "human_requested = true", false, false);
            case ROUTED -> new Fact("routed", "true", "routed = true", false, false);
            case ANSWERED -> new Fact("replied_at", "u.at", "replied_at = coalesce(a.replied_at, excluded.replied_at)",
                    false, true);
            case OVERDUE -> new Fact("overdue", "true", "overdue = true", false, false);
            case ESCALATED -> new Fact("escalated", "true", "escalated = true", false, false);
            case AI_CORRECT, AI_PARTIAL, AI_WRONG -> new Fact("verdict", "u.verdict",
                    "verdict = coalesce(a.verdict, excluded.verdict)", false, false);
            case OFFTOPIC, REMINDED -> null;
        };
    }

    /** The facts after the run, and the time of the appeal's first event in the run as PostgreSQL keeps it. */
    private record Facts(UUID appeal, boolean marked, Instant receivedAt, Instant matchedAt, boolean unmatched,
                         Instant repliedAt, Instant firstAt) {
    }

    /** A time to answer an appeal's event may count, under its once-per-appeal mark. */
    private record Measured(UUID appeal, String mark, String region, LocalDate day, String kind, int bucket) {
    }

    /**
     * Times to answer, each counted once, as soon as both of its ends are known. Event by event, the first event of
     * an appeal in the run is the one that would count them: later ones find the marks it set, and cannot make a time
     * known that it did not (they set the same fact). So the times are those of the facts as that first event left
     * them — which differ from the stored ones only in the run's own time when its last event's value stands.
     */
    private Mono<Void> latencies(Map<UUID, Appeal> appeals, List<Facts> stored) {
        List<Measured> measured = new ArrayList<>();
        for (Facts f : stored) {
            Item first = appeals.get(f.appeal()).first();
            Instant received = first.measure() == Measure.RECEIVED ? f.firstAt() : f.receivedAt();
            Instant matched = first.measure() == Measure.AUTO_ANSWERED ? f.firstAt() : f.matchedAt();
            if (received == null) {
                continue;
            }
            String region = first.event().region();
            if (matched != null) {
                measured.add(measured(f.appeal(), "LAT_FIRST", region, Latency.FIRST, received, matched));
            } else if (f.unmatched() && f.repliedAt() != null) {
                measured.add(measured(f.appeal(), "LAT_FIRST", region, Latency.FIRST, received, f.repliedAt()));
            }
            if (f.repliedAt() != null) {
                measured.add(measured(f.appeal(), "LAT_SPECIALIST", region, Latency.SPECIALIST, received,
                        f.repliedAt()));
            }
        }
        if (measured.isEmpty()) {
            return Mono.empty();
        }
        Map<String, Measured> byMark = new LinkedHashMap<>();
        measured.forEach(m -> byMark.put(m.appeal() + "/" + m.mark(), m));
        return db.sql("insert into appeal_marks (appeal_id, mark, region, day) select * from unnest(:appeal::uuid[], "
                        + ":mark::text[], :region::text[], :day::date[]) order by 1, 2 on conflict do nothing "
                        + "returning appeal_id, mark")
                .bind("appeal", measured.stream().map(m -> m.appeal().toString()).toArray(String[]::new))
                .bind("mark", measured.stream().map(Measured::mark).toArray(String[]::new))
                .bind("region", measured.stream().map(Measured::region).toArray(String[]::new))
                .bind("day", measured.stream().map(Measured::day).toArray(LocalDate[]::new))
                .map(r -> byMark.get(r.get("appeal_id", UUID.class) + "/" + r.get("mark", String.class)))
                .all().collectList()
                .flatMap(inserted -> add(CounterDeltas.Table.LATENCY, d -> inserted.forEach(m ->
                        d.add(List.of(m.region(), m.day(), m.kind(), m.bucket()), "n", 1))));
    }

    private Measured measured(UUID appeal, String mark, String region, String kind, Instant from, Instant to) {
        return new Measured(appeal, mark, region, dayOf(to), kind, Latency.bucketOf(Duration.between(from, to)));
    }

    /** The appeal's latest rating counts: a new rating replaces the earlier one (on the earlier one's day). */
    public Mono<Void> rated(List<AppealRated> events) {
        Map<UUID, List<Rating>> byAppeal = new LinkedHashMap<>();
        for (AppealRated e : events) {
            if (noRegion(e)) {
                log.warn("rating {} of appeal {} has no region; not counted", e.eventId(), e.appealId());
                continue;
            }
            Instant at = at(e.occurredAt());
            byAppeal.computeIfAbsent(e.appealId(), a -> new ArrayList<>())
                    .add(new Rating(e.region(), dayOf(at), e.rating(), at));
        }
        if (byAppeal.isEmpty()) {
            return Mono.empty();
        }
        String[] ids = byAppeal.keySet().stream().map(UUID::toString).toArray(String[]::new);
        Mono<Map<UUID, Rating>> earlier = db.sql("select appeal_id, region, day, rating from appeal_ratings "
                        + "where appeal_id = any(:a::uuid[]) order by appeal_id for update")
                .bind("a", ids)
                .map(r -> Map.entry(r.get("appeal_id", UUID.class), new Rating(r.get("region", String.class),
                        r.get("day", LocalDate.class), r.get("rating", Integer.class), null)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        int n = ids.length;
        String[] factRegions = new String[n];
        String[] regions = new String[n];
        LocalDate[] days = new LocalDate[n];
        Integer[] ratings = new Integer[n];
        String[] at = new String[n];
        int i = 0;
        for (List<Rating> rated : byAppeal.values()) {
            // the facts row keeps the region it was created with; the rating is the last one
            Rating last = rated.getLast();
            factRegions[i] = rated.getFirst().region();
            regions[i] = last.region();
            days[i] = last.day();
            ratings[i] = last.rating();
            at[i] = last.at().toString();
            i++;
        }
        Mono<Void> store = db.sql("""
                        with r as (
                          insert into appeal_ratings (appeal_id, region, day, rating, rated_at)
                          select * from unnest(:a::uuid[], :r::text[], :d::date[], :n::int[], :at::timestamptz[])
                          order by 1
                          on conflict (appeal_id) do update
                             set region = excluded.region, day = excluded.day, rating = excluded.rating,
                                 rated_at = excluded.rated_at)
                        insert into appeal_facts (appeal_id, region, rating, rated_at)
                        select * from unnest(:a::uuid[], :fr::text[], :n::int[], :at::timestamptz[]) order by 1
                        on conflict (appeal_id) do update set rating = excluded.rating, rated_at = excluded.rated_at""")
                .bind("a", ids).bind("r", regions).bind("fr", factRegions).bind("d", days).bind("n", ratings)
                .bind("at", at)
                .then();
        return earlier.flatMap(was -> store.then(add(CounterDeltas.Table.REGION_DAY, d -> {
            // each rating of the run replaces the one before it, as event by event (a day's row is touched even
            // when its rating is replaced within the run)
            for (Map.Entry<UUID, List<Rating>> a : byAppeal.entrySet()) {
                Rating before = was.get(a.getKey());
                for (Rating r : a.getValue()) {
                    if (before != null) {
                        rating(d, before, -1);
                    }
                    rating(d, r, 1);
                    // every rating given counts here once (the event is applied once), a re-rating too: these only grow
                    List<Object> row = List.of(r.region(), r.day());
                    d.add(row, "ratings_given", 1);
                    d.add(row, "rating_points_given", r.rating());
                    before = r;
                }
            }
        })));
    }

    /**
     * teacher.changed: the teacher's latest state (an older event, redelivered or replayed after a newer one, does not
     * overwrite it), counted per region by the per-capita figures.
     */
    public Mono<Void> teacherChanged(List<TeacherChanged> events) {
        List<TeacherChanged> latest = TeacherChanged.latestPerTeacher(events);
        if (latest.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("insert into teachers (teacher_id, region, verified, changed_at) "
                        + "select * from unnest(:ids::text[], :regions::text[], :verified::bool[], :at::timestamptz[]) "
                        + "on conflict (teacher_id) do update set region = excluded.region, verified = excluded.verified, "
                        + "changed_at = excluded.changed_at where teachers.changed_at <= excluded.changed_at")
                .bind("ids", latest.stream().map(TeacherChanged::teacherId).toArray(String[]::new))
                .bind("regions", latest.stream().map(e -> e.region() == null || e.region().isBlank() ? null
                        : e.region()).toArray(String[]::new))
                .bind("verified", latest.stream().map(TeacherChanged::verified).toArray(Boolean[]::new))
                .bind("at", latest.stream().map(TeacherChanged::occurredAt).toArray(Instant[]::new))
                .then();
    }

    private static void rating(CounterDeltas d, Rating r, int sign) {
        List<Object> row = List.of(r.region(), r.day());
        d.add(row, "rating_sum", (long) sign * r.rating());
        d.add(row, "rating_count", sign);
        d.add(row, "rating_" + r.rating(), sign);
    }

    /** An appeal's rating: where it counts, and when it was given (unknown for one read back). */
    private record Rating(String region, LocalDate day, int rating, Instant at) {
    }

    /** KB growth: each published version once, a first version as a new entry, a later one as an update. */
    public Mono<Void> published(List<KbEntryPublished> events) {
        Map<String, KbEntryPublished> versions = new LinkedHashMap<>();
        events.forEach(e -> versions.putIfAbsent(e.entryId() + "/" + e.version(), e));
        return db.sql("insert into kb_versions (entry_id, version) select * from unnest(:id::text[], :v::int[]) "
                        + "order by 1, 2 on conflict do nothing returning entry_id, version")
                .bind("id", versions.values().stream().map(KbEntryPublished::entryId).toArray(String[]::new))
                .bind("v", versions.values().stream().map(KbEntryPublished::version).toArray(Integer[]::new))
                .map(r -> versions.get(r.get("entry_id", String.class) + "/" + r.get("version", Integer.class)))
                .all().collectList()
                .flatMap(inserted -> add(CounterDeltas.Table.KB_DAY, d -> inserted.forEach(e -> {
                    String topic = e.topic() == null || e.topic().isBlank() ? "—" : e.topic();
                    d.add(List.of(dayOf(at(e.occurredAt())), topic), e.version() <= 1 ? "created" : "updated", 1);
                })));
    }

    /** The channels whose platform reports reads to the bot: the base of a campaign's read rate. */
    public static final List<String> READ_REPORTING_CHANNELS = List.of("VK");

    /**
     * Campaign outcomes from outbound.delivery (answers and other kinds are skipped without a statement): each
     * message counts once as attempted (delivered or failed), once as delivered (and as readable when its channel
     * reports reads), once as read — on the day and in the region of the event that counted it. A run costs one
     * statement for the marks and one for the counters.
     */
    public Mono<Void> campaignOutcomes(List<OutboundDelivery> events) {
        Map<String, OutboundDelivery> marks = new LinkedHashMap<>();
        for (OutboundDelivery e : events) {
            if (e.kind() != OutboundMessage.Kind.CAMPAIGN) {
                continue;
            }
            if (e.region() == null || e.region().isBlank()) {
                log.warn("campaign outcome {} of message {} has no region; not counted", e.eventId(), e.messageId());
                continue;
            }
            switch (e.status()) {
                case DELIVERED -> {
                    marks.putIfAbsent(e.messageId() + "/ATTEMPTED", e);
                    marks.putIfAbsent(e.messageId() + "/DELIVERED", e);
                    if (e.channel() != null && READ_REPORTING_CHANNELS.contains(e.channel().name())) {
                        marks.putIfAbsent(e.messageId() + "/READABLE", e);
                    }
                }
                case FAILED -> marks.putIfAbsent(e.messageId() + "/ATTEMPTED", e);
                case READ -> marks.putIfAbsent(e.messageId() + "/READ", e);
                case HELD -> {
                }
            }
        }
        if (marks.isEmpty()) {
            return Mono.empty();
        }
        List<String> keys = List.copyOf(marks.keySet());
        return db.sql("insert into campaign_message_marks (message_id, mark) "
                        + "select * from unnest(:id::uuid[], :mark::text[]) order by 1, 2 "
                        + "on conflict do nothing returning message_id, mark")
                .bind("id", keys.stream().map(k -> k.substring(0, k.indexOf('/'))).toArray(String[]::new))
                .bind("mark", keys.stream().map(k -> k.substring(k.indexOf('/') + 1)).toArray(String[]::new))
                .map(r -> r.get("message_id", UUID.class) + "/" + r.get("mark", String.class))
                .all().collectList()
                .flatMap(fresh -> fresh.isEmpty() ? Mono.empty() : add(CounterDeltas.Table.CAMPAIGN_DAY, d ->
                        fresh.forEach(k -> {
                            OutboundDelivery e = marks.get(k);
                            d.add(List.of(e.region(), dayOf(at(e.occurredAt()))),
                                    k.substring(k.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT), 1);
                        })));
    }

    /**
     * Adds to a counter table: inside a transaction, to its {@link CounterDeltas} (written once, before the
     * commit); outside one, at once.
     */
    private Mono<Void> add(CounterDeltas.Table table, Consumer<CounterDeltas> increments) {
        return TransactionBuffers.current(table, () -> new CounterDeltas(table), d -> d.flush(db), d -> { })
                .map(d -> {
                    increments.accept(d);
                    return true;
                })
                .switchIfEmpty(Mono.defer(() -> {
                    CounterDeltas single = new CounterDeltas(table);
                    increments.accept(single);
                    return single.flush(db).thenReturn(true);
                }))
                .then();
    }

    private static boolean noRegion(AppealEvent e) {
        return e.region() == null || e.region().isBlank();
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
