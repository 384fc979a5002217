package ru.rosobr.assistant.testkit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.OutboxProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;

/**
 * The platform on real Kafka and PostgreSQL: a consumer's effect and the events it emits commit together, a
 * redelivered event is applied once, a poison record is dead-lettered without blocking the next one, and a failed
 * effect leaves neither state nor events behind.
 */
@SpringBootTest(classes = PlatformIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PlatformIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** How many times the handler ran per event (in memory on purpose: a rolled-back run leaves it counted). */
    static final Map<UUID, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    @SpringBootApplication
    static class App {
        /**
         * Remembers each off-topic event (and, for teacher "ordered", the order of application) and emits a rating
         * for it; fails always for teacher "fail" and on the first run for teacher "flaky".
         */
        @Bean
        EventSubscription<AppealOffTopic> onOffTopic(DatabaseClient db, Outbox outbox) {
            return EventSubscription.on(Topics.APPEAL_OFFTOPIC, e -> Mono.defer(() -> {
                int run = RUNS.computeIfAbsent(e.eventId(), id -> new AtomicInteger()).incrementAndGet();
                Mono<Void> order = "ordered".equals(e.teacherId())
                        ? db.sql("insert into applied (appeal_id, n, event_id) values (:a, :n, :id)")
                                .bind("a", e.appealId()).bind("n", (int) e.score()).bind("id", e.eventId()).then()
                        : Mono.empty();
                return db.sql("insert into seen (event_id, teacher_id) values (:id, :t)")
                        .bind("id", e.eventId()).bind("t", e.teacherId()).then()
                        .then(order)
                        .then(outbox.append(AppealRated.of(e.appealId(), e.region(), e.teacherId(), 4)))
                        .then(Mono.defer(() -> "fail".equals(e.teacherId()) || ("flaky".equals(e.teacherId())
                                && run == 1)
                                ? Mono.error(new IllegalStateException("effect failed on purpose"))
                                : Mono.empty()));
            }));
        }

        /**
         * A bulk handler: each run of hand-over requests is remembered as it came, and written in one statement.
         * Fails the whole run once when it holds the event of teacher "bulk-flaky".
         */
        @Bean
        EventSubscription<HumanRequested> onHumanRequested(DatabaseClient db) {
            return EventSubscription.onBatch(Topics.HUMAN_REQUESTED, run -> Mono.defer(() -> {
                RUNS_OF_HANDOVERS.add(run.stream().map(HumanRequested::eventId).toList());
                boolean flaky = run.stream().anyMatch(e -> "bulk-flaky".equals(e.teacherId())
                        && RUNS.computeIfAbsent(e.eventId(), id -> new AtomicInteger()).incrementAndGet() == 1);
                return db.sql("insert into applied (appeal_id, n, event_id) select * from "
                                + "unnest(:a::uuid[], :n::int[], :id::uuid[])")
                        .bind("a", run.stream().map(e -> e.appealId().toString()).toArray(String[]::new))
                        .bind("n", run.stream().map(e -> Integer.parseInt(e.text())).toArray(Integer[]::new))
                        .bind("id", run.stream().map(e -> e.eventId().toString()).toArray(String[]::new))
                        .then()
                        .then(flaky ? Mono.error(new IllegalStateException("run failed on purpose")) : Mono.empty());
            })).only(e -> !"irrelevant".equals(e.teacherId()));
        }
    }

    /** The runs the bulk handler was given, in the order it was given them. */
    static final java.util.Queue<List<UUID>> RUNS_OF_HANDOVERS = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "platform");
    }

    @Autowired
    DatabaseClient db;

    @Autowired
    Outbox outbox;

    private long count(String sql, Object id) {
        return db.sql(sql).bind("id", id).map((r, m) -> r.get(0, Long.class)).one().block();
    }

    /**
     * Every record on the topic so far has been handled (the test app's group, named after the service it plays, has
     * committed past it) and what the handling emitted is on the broker: from here a missing effect stays missing.
     */
    private void awaitAppliedAndSent() {
        KafkaProbe.awaitConsumed("intake-service", Topics.APPEAL_OFFTOPIC, WAIT);
        OutboxProbe.awaitPublished(db, WAIT);
    }

    @Test
    void effectAndEmittedEventCommitTogetherAndARedeliveryIsAppliedOnce() {
        AppealOffTopic e = AppealOffTopic.of(UUID.randomUUID(), "58", "teacher-1", 0.1);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, e);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, e);

        AppealRated rated = KafkaProbe.await(Topics.APPEAL_RATED, r -> r.appealId().equals(e.appealId()), WAIT);
        assertThat(rated.rating()).isEqualTo(4);
        await().atMost(WAIT).until(() -> count(
                "select count(*) from processed_events where event_id = :id", e.eventId()) == 1);
        // the first copy alone gets this far: only once the group committed past the second is it handled too
        awaitAppliedAndSent();
        assertThat(count("select count(*) from seen where event_id = :id", e.eventId())).isEqualTo(1);
        assertThat(KafkaProbe.all(Topics.APPEAL_RATED, r -> r.appealId().equals(e.appealId()))).hasSize(1);
    }

    @Test
    void poisonRecordIsDeadLetteredAndTheNextEventStillFlows() {
        String marker = "not json " + UUID.randomUUID();
        KafkaProbe.publishRaw(Topics.APPEAL_OFFTOPIC.name(), "k", marker);
        AppealOffTopic next = AppealOffTopic.of(UUID.randomUUID(), "33", "teacher-2", 0.2);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, next);

        KafkaProbe.await(Topics.APPEAL_RATED, r -> r.appealId().equals(next.appealId()), WAIT);
        await().atMost(WAIT).until(() -> count("select count(*) from dead_letters where payload = :id", marker) == 1);
    }

    @Test
    void failedEffectLeavesNoStateAndNoEventAndIsKeptAsADeadLetter() {
        AppealOffTopic failing = AppealOffTopic.of(UUID.randomUUID(), "58", "fail", 0.1);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, failing);
        await().atMost(WAIT).until(() -> count(
                "select count(*) from dead_letters where payload like '%' || :id || '%'",
                failing.eventId().toString()) == 1);
        assertThat(count("select count(*) from seen where event_id = :id", failing.eventId())).isZero();
        assertThat(count("select count(*) from outbox where payload like '%' || :id || '%'",
                failing.appealId().toString())).isZero();
    }

    @Test
    void aServiceCannotWriteATopicItDoesNotOwn() {
        AnswerMatched foreign = AnswerMatched.of(UUID.randomUUID(), "58", "t", "ktp", "ktp-1", 1, 0.9, "a", "b");
        assertThatThrownBy(() -> outbox.append(foreign).block())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answer-service");
    }

    @Test
    void aBatchThatFailsHalfWayLeavesNothingAndIsAppliedOnceOnRetry() {
        // one key, one record batch: the consumer polls all of them together; the flaky one is last but one
        UUID appeal = UUID.randomUUID();
        List<AppealOffTopic> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(AppealOffTopic.of(appeal, "58", i == 18 ? "flaky" : "batch", i));
        }
        KafkaProbe.publishAll(Topics.APPEAL_OFFTOPIC, batch);

        await().atMost(WAIT).until(() -> db.sql("select count(*) from seen where event_id = any(:ids)")
                .bind("ids", batch.stream().map(AppealOffTopic::eventId).toArray(UUID[]::new))
                .map((r, m) -> r.get(0, Long.class)).one().block() == batch.size());
        // the events before the flaky one ran twice: rolled back with the failed batch, then applied one by one
        assertThat(RUNS.get(batch.get(0).eventId())).hasValue(2);
        assertThat(RUNS.get(batch.get(17).eventId())).hasValue(2);
        assertThat(RUNS.get(batch.get(18).eventId())).hasValue(2);
        assertThat(RUNS.get(batch.get(19).eventId())).hasValue(1);
        // yet each left exactly one effect and one emitted event
        for (AppealOffTopic e : batch) {
            assertThat(count("select count(*) from seen where event_id = :id", e.eventId())).isEqualTo(1);
        }
        awaitAppliedAndSent();
        assertThat(count("select count(*) from outbox where payload like '%' || :id || '%'", appeal.toString()))
                .isEqualTo(20);
        assertThat(KafkaProbe.all(Topics.APPEAL_RATED, r -> r.appealId().equals(appeal))).hasSize(20);
    }

    @Test
    void aRedeliveredBatchIsAppliedOnce() {
        UUID appeal = UUID.randomUUID();
        List<AppealOffTopic> batch = IntStream.range(0, 10)
                .mapToObj(i -> AppealOffTopic.of(appeal, "33", "again", i)).toList();
        KafkaProbe.publishAll(Topics.APPEAL_OFFTOPIC, batch);
        KafkaProbe.publishAll(Topics.APPEAL_OFFTOPIC, batch);
        // a marker published after both copies: once it is applied, both copies were consumed
        AppealOffTopic marker = AppealOffTopic.of(appeal, "33", "again", 99);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, marker);

        await().atMost(WAIT).until(() -> count("select count(*) from seen where event_id = :id",
                marker.eventId()) == 1);
        for (AppealOffTopic e : batch) {
            assertThat(count("select count(*) from seen where event_id = :id", e.eventId())).isEqualTo(1);
        }
        // applied is not yet sent: the relay has the emitted events on the topic only a moment later
        OutboxProbe.awaitPublished(db, WAIT);
        assertThat(KafkaProbe.all(Topics.APPEAL_RATED, r -> r.appealId().equals(appeal))).hasSize(11);
    }

    @Test
    void perAppealOrderHoldsUnderConcurrency() {
        // 12 appeals spread over the partitions (and so over both consumer threads), 25 events each, interleaved
        List<UUID> appeals = IntStream.range(0, 12).mapToObj(i -> UUID.randomUUID()).toList();
        List<AppealOffTopic> events = new ArrayList<>();
        for (int n = 0; n < 25; n++) {
            for (UUID a : appeals) {
                events.add(AppealOffTopic.of(a, "77", "ordered", n));
            }
        }
        KafkaProbe.publishAll(Topics.APPEAL_OFFTOPIC, events);

        await().atMost(WAIT).until(() -> db.sql("select count(*) from applied where appeal_id = any(:a)")
                .bind("a", appeals.toArray(UUID[]::new)).map((r, m) -> r.get(0, Long.class)).one().block()
                == events.size());
        for (UUID a : appeals) {
            List<Integer> order = db.sql("select n from applied where appeal_id = :a order by seq")
                    .bind("a", a).map((r, m) -> r.get("n", Integer.class)).all().collectList().block();
            assertThat(order).as("order of appeal %s", a).isEqualTo(IntStream.range(0, 25).boxed().toList());
        }
    }

    @Test
    void aBulkHandlerGetsEachNewEventOnceInOrderAndAFailedRunLeavesNothing() {
        UUID appeal = UUID.randomUUID();
        List<HumanRequested> events = IntStream.range(0, 30)
                .mapToObj(i -> HumanRequested.of(appeal, "58", i == 20 ? "bulk-flaky" : "bulk", "ФИО",
                        OrgType.SCHOOL, String.valueOf(i), java.time.Instant.now(), null)).toList();
        KafkaProbe.publishAll(Topics.HUMAN_REQUESTED, events);
        KafkaProbe.publishAll(Topics.HUMAN_REQUESTED, events.subList(0, 5));
        HumanRequested marker = HumanRequested.of(appeal, "58", "bulk", "ФИО", OrgType.SCHOOL, "30",
                java.time.Instant.now(), null);
        KafkaProbe.publish(Topics.HUMAN_REQUESTED, marker);

        await().atMost(WAIT).until(() -> count("select count(*) from applied where event_id = :id",
                marker.eventId()) == 1);
        // the failed run left nothing: every event applied once, in the order published, the copies skipped
        List<Integer> order = db.sql("select n from applied where appeal_id = :a order by seq")
                .bind("a", appeal).map((r, m) -> r.get("n", Integer.class)).all().collectList().block();
        assertThat(order).isEqualTo(IntStream.rangeClosed(0, 30).boxed().toList());
        // the handler saw runs in offset order: what it was given, without the rolled-back run, is the same order
        Set<UUID> ours = new java.util.HashSet<>();
        events.forEach(e -> ours.add(e.eventId()));
        ours.add(marker.eventId());
        List<List<UUID>> runs = RUNS_OF_HANDOVERS.stream().filter(r -> ours.contains(r.getFirst())).toList();
        assertThat(runs).allSatisfy(r -> assertThat(r).isSortedAccordingTo(
                java.util.Comparator.comparingInt(id -> indexOf(events, marker, id))));
    }

    private static int indexOf(List<HumanRequested> events, HumanRequested marker, UUID id) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).eventId().equals(id)) {
                return i;
            }
        }
        return marker.eventId().equals(id) ? events.size() : -1;
    }

    @Test
    void anEventTheSubscriptionDoesNotActOnLeavesNoRowAtAll() {
        UUID appeal = UUID.randomUUID();
        HumanRequested passedOver = HumanRequested.of(appeal, "58", "irrelevant", "ФИО", OrgType.SCHOOL, "0",
                java.time.Instant.now(), null);
        HumanRequested marker = HumanRequested.of(appeal, "58", "bulk", "ФИО", OrgType.SCHOOL, "1",
                java.time.Instant.now(), null);
        KafkaProbe.publishAll(Topics.HUMAN_REQUESTED, List.of(passedOver, marker));

        // same key, same partition: once the marker is applied, the event before it has been passed over
        await().atMost(WAIT).until(() -> count("select count(*) from applied where event_id = :id",
                marker.eventId()) == 1);
        assertThat(count("select count(*) from processed_events where event_id = :id", marker.eventId()))
                .isEqualTo(1);
        assertThat(count("select count(*) from processed_events where event_id = :id", passedOver.eventId()))
                .isZero();
        assertThat(count("select count(*) from applied where event_id = :id", passedOver.eventId())).isZero();
    }
}
