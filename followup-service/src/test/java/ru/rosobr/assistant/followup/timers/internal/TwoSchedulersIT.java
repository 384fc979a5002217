package ru.rosobr.assistant.followup.timers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Sinks;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.followup.FollowupServiceApplication;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceReplicas;

/**
 * Two replicas of followup-service, each with its timer scheduler, on one database: firing side by side, every due
 * timer fires exactly once (one event each on the broker), both schedulers do part of the work, and a scheduler
 * passes over timers another one has locked instead of waiting for them ({@code FOR UPDATE SKIP LOCKED}). The
 * replicas' own polling loops are stopped before any timer exists so that the test alone decides when each scheduler
 * fires: on a loaded machine a loop's first round can start late, after the test's timers are in, and take batches
 * the test then misses.
 */
class TwoSchedulersIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ServiceReplicas replicas;

    @BeforeAll
    static void start() {
        replicas = ServiceReplicas.start(FollowupServiceApplication.class, "followup2", 2,
                "assistant.followup.poll-interval=PT1H");
        // stop() waits for a round under way to end, so no loop touches the timers after this
        for (int i = 0; i < 2; i++) {
            replicas.bean(i, TimerScheduler.class).stop();
        }
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    /** Pending answer deadlines that passed an hour ago; returns their appeals. */
    private static Set<UUID> dueTimers(int count) {
        DatabaseClient db = replicas.bean(0, DatabaseClient.class);
        return new HashSet<>(db.sql("""
                        insert into timers (appeal_id, kind, due_at, state, teacher_id, region)
                        select gen_random_uuid(), 'OVERDUE', now() - interval '1 hour', 'PENDING', 't-' || i, '58'
                        from generate_series(1, :n) i
                        returning appeal_id""")
                .bind("n", count)
                .map((r, m) -> r.get("appeal_id", UUID.class)).all().collectList().block());
    }

    private static long fired(Set<UUID> appeals) {
        return replicas.bean(0, DatabaseClient.class)
                .sql("select count(*) as n from timers where appeal_id = any(:ids) and state = 'FIRED'")
                .bind("ids", appeals.toArray(UUID[]::new))
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }

    /** Waits until every appeal has its overdue event on the broker; fails on any appeal with two. */
    private static void eachOverdueOnceOnTheBroker(Set<UUID> appeals) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<AppealOverdue> events = KafkaProbe.all(replicas.bootstrapServers(), Topics.APPEAL_OVERDUE,
                    e -> appeals.contains(e.appealId()));
            assertThat(events.stream().collect(Collectors.groupingBy(AppealOverdue::appealId, Collectors.counting())))
                    .hasSize(appeals.size())
                    .allSatisfy((appeal, n) -> assertThat(n).as("overdue events of %s", appeal).isEqualTo(1L));
        });
    }

    @Test
    void twoSchedulersFiringTogetherFireEveryTimerOnce() throws Exception {
        int count = 650;
        Set<UUID> appeals = dueTimers(count);
        List<TimerScheduler> schedulers = List.of(replicas.bean(0, TimerScheduler.class),
                replicas.bean(1, TimerScheduler.class));

        // rounds in lockstep: both schedulers claim a batch at the same moment, again and again
        int rounds = count / 100 / 2 + 3;
        CyclicBarrier together = new CyclicBarrier(2);
        Function<TimerScheduler, Integer> fireRounds = s -> {
            int total = 0;
            try {
                for (int i = 0; i < rounds; i++) {
                    together.await(30, TimeUnit.SECONDS);
                    total += s.fireDue();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return total;
        };
        // two threads of their own: the common pool may have a single thread on a small machine
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int byFirst;
        int bySecond;
        try {
            var first = CompletableFuture.supplyAsync(() -> fireRounds.apply(schedulers.get(0)), threads);
            var second = CompletableFuture.supplyAsync(() -> fireRounds.apply(schedulers.get(1)), threads);
            byFirst = first.get(2, TimeUnit.MINUTES);
            bySecond = second.get(2, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }

        assertThat(byFirst + bySecond).isEqualTo(count);
        assertThat(byFirst).as("the first scheduler's share").isPositive();
        assertThat(bySecond).as("the second scheduler's share").isPositive();
        assertThat(fired(appeals)).isEqualTo(count);
        eachOverdueOnceOnTheBroker(appeals);
    }

    @Test
    void aSchedulerSkipsTimersAnotherHoldsInsteadOfWaiting() throws Exception {
        Set<UUID> appeals = dueTimers(50);
        Set<UUID> held = appeals.stream().limit(20).collect(Collectors.toSet());

        // replica 0 holds 20 of the timers in an open transaction, as in the middle of its batch
        DatabaseClient db = replicas.bean(0, DatabaseClient.class);
        Sinks.One<Boolean> locked = Sinks.one();
        Sinks.One<Boolean> release = Sinks.one();
        TransactionalOperator tx = replicas.bean(0, TransactionalOperator.class);
        var holding = tx.transactional(db.sql("select id from timers where appeal_id = any(:ids) for update")
                        .bind("ids", held.toArray(UUID[]::new)).fetch().all().collectList()
                        .doOnNext(rows -> locked.tryEmitValue(rows.size() == 20))
                        .then(release.asMono()))
                .toFuture();
        assertThat(locked.asMono().block(WAIT)).isTrue();

        // replica 1 fires the other 30 at once, without waiting for the held ones
        TimerScheduler other = replicas.bean(1, TimerScheduler.class);
        int firedMeanwhile = CompletableFuture.supplyAsync(other::fireDue).get(10, TimeUnit.SECONDS);
        assertThat(firedMeanwhile).isEqualTo(30);
        assertThat(fired(held)).isZero();

        // the holder lets go: the rest fire, once
        release.tryEmitValue(true);
        holding.get(30, TimeUnit.SECONDS);
        assertThat(other.fireDue()).isEqualTo(20);
        assertThat(fired(appeals)).isEqualTo(50);
        eachOverdueOnceOnTheBroker(appeals);
    }
}
