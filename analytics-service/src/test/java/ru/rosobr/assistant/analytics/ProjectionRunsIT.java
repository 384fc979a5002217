package ru.rosobr.assistant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rosobr.assistant.analytics.TestEvents.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.analytics.summary.Figures;
import ru.rosobr.assistant.analytics.summary.KbGrowth;
import ru.rosobr.assistant.analytics.summary.RegionSummary;
import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.Topic;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Runs of several events handed to the registered handlers at once, as the consumer hands them over (consecutive
 * new events of one topic, one transaction per polled batch): the figures are exact, the same as event by event,
 * including two events of one appeal in a run, events without a region and topics in any order; and a run costs
 * the same number of SQL statements whatever its length.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(StatementCounting.class)
class ProjectionRunsIT {

    private static final String FEDERAL = TestJwt.token("federal", List.of("FEDERAL"), null);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "analytics_runs");
    }

    @Autowired
    WebTestClient web;
    @Autowired
    List<EventSubscriptions> lists;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    ConnectionFactory connections;

    /** Consecutive events of one topic in a polled batch. */
    private record Run<T extends Event>(Topic<T> topic, List<T> events) {
    }

    @SafeVarargs
    private static <T extends Event> Run<T> run(Topic<T> topic, T... events) {
        return new Run<>(topic, List.of(events));
    }

    @SuppressWarnings("unchecked")
    private <T extends Event> Mono<Void> handle(Run<T> run) {
        EventSubscription<T> s = (EventSubscription<T>) lists.stream().flatMap(l -> l.all().stream())
                .filter(x -> x.topic().equals(run.topic())).findFirst().orElseThrow();
        return Mono.defer(() -> s.handler().apply(run.events()));
    }

    /** Applies a polled batch's runs in one transaction; returns the SQL statements it sent. */
    private List<String> apply(List<Run<?>> batch) {
        AtomicReference<Connection> used = new AtomicReference<>();
        tx.transactional(ConnectionFactoryUtils.getConnection(connections).doOnNext(used::set)
                        .thenMany(Flux.fromIterable(batch).concatMap(this::handle, 0)).then())
                .block(Duration.ofSeconds(60));
        return StatementCounting.statementsOf(used.get());
    }

    /** As the consumer after a failed batch, and as a rebuild: each event alone, in a transaction of its own. */
    private void applyOneByOne(List<List<Run<?>>> batches) {
        for (List<Run<?>> batch : batches) {
            for (Run<?> run : batch) {
                for (Event e : run.events()) {
                    apply(List.of(single(run, e)));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Event> Run<T> single(Run<T> run, Event e) {
        return new Run<>(run.topic(), List.of((T) e));
    }

    /**
     * Three polled batches of one Moscow day (12:00): the AI's answers are consumed before the receipts; q1 is
     * answered twice and received twice (a re-emission), q4 replied to twice, q2 judged twice, q1 rated twice in
     * one run and then once more on the next day; q3 and q5 have no region.
     */
    private static List<List<Run<?>>> scenario(LocalDate day) {
        Instant t = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        UUID q1 = UUID.randomUUID();
        UUID q2 = UUID.randomUUID();
        UUID q3 = UUID.randomUUID();
        UUID q4 = UUID.randomUUID();
        UUID q5 = UUID.randomUUID();
        UUID q6 = UUID.randomUUID();
        return List.of(
                List.of(run(Topics.ANSWER_MATCHED, matched(q1, "58", t.plusSeconds(4), "ktp"),
                                matched(q2, "58", t.plusSeconds(20), "ktp"),
                                matched(q1, "58", t.plusSeconds(6), "vacation")),
                        run(Topics.APPEAL_RECEIVED, received(q1, "58", t), received(q2, "58", t),
                                received(q3, null, t), received(q1, "58", t.plusSeconds(2)), received(q4, "33", t),
                                received(q5, " ", t), received(q6, "33", t)),
                        run(Topics.ANSWER_UNMATCHED, unmatched(q4, "33", t.plusSeconds(1), "vacation"),
                                unmatched(q6, "33", t.plusSeconds(2))),
                        run(Topics.KB_ENTRY_PUBLISHED, published("kb-" + day + "-x", 1, "ktp", t),
                                published("kb-" + day + "-x", 2, "ktp", t.plusSeconds(10)),
                                published("kb-" + day + "-x", 2, "ktp", t.plusSeconds(11)),
                                published("kb-" + day + "-y", 1, "vacation", t.plusSeconds(20)))),
                List.of(run(Topics.OPERATOR_REPLIED, replied(q4, "33", t.plusSeconds(600)),
                                replied(q4, "33", t.plusSeconds(900)), replied(q2, "58", t.plusSeconds(3000)),
                                replied(q3, null, t.plusSeconds(60))),
                        run(Topics.AI_JUDGED, judged(q2, "58", t.plusSeconds(3001), AiJudged.Verdict.PARTIAL),
                                judged(q2, "58", t.plusSeconds(3002), AiJudged.Verdict.WRONG),
                                judged(q1, "58", t.plusSeconds(3003), AiJudged.Verdict.CORRECT)),
                        run(Topics.APPEAL_RATED, rated(q1, "58", t.plusSeconds(60), 2),
                                rated(q1, "58", t.plusSeconds(70), 5), rated(q4, "33", t.plusSeconds(700), 3),
                                rated(q5, "", t.plusSeconds(80), 4)),
                        run(Topics.APPEAL_OFFTOPIC, offTopic(q6, "33", t.plusSeconds(3)),
                                offTopic(q6, "33", t.plusSeconds(4)))),
                List.of(run(Topics.APPEAL_RATED, rated(q2, "58", t.plusSeconds(4000), 4),
                                rated(q1, "58", t.plusSeconds(86_400), 1)),
                        run(Topics.APPEAL_ASSIGNED, assigned(q2, "58", t.plusSeconds(30)),
                                assigned(q2, "58", t.plusSeconds(90)), assigned(q4, "33", t.plusSeconds(30))),
                        run(Topics.HUMAN_REQUESTED, humanRequested(q2, "58", t.plusSeconds(25))),
                        run(Topics.APPEAL_OVERDUE, overdue(q4, "33", t.plusSeconds(5000))),
                        run(Topics.APPEAL_ESCALATED, escalated(q4, "33", t.plusSeconds(5001))),
                        run(Topics.RATING_REMINDER_DUE, reminder(q1, "58", t.plusSeconds(30)),
                                reminder(q1, "58", t.plusSeconds(40)))));
    }

    private WebTestClient.ResponseSpec get(String path, LocalDate day) {
        return web.get().uri("/api/analytics" + path + "?from=" + day + "&to=" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange().expectStatus().isOk();
    }

    private <T> List<T> view(String path, LocalDate day, Class<T> type) {
        return get(path, day).expectBodyList(type).returnResult().getResponseBody();
    }

    private String raw(String path, LocalDate day) {
        return get(path, day).expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void runsWithSeveralEventsOfAnAppealGiveExactFiguresAndTheSameAsOneByOne() {
        LocalDate day = LocalDate.parse("2026-05-20");
        scenario(day).forEach(this::apply);

        assertThat(view("/summary", day, RegionSummary.class)).containsExactly(
                new RegionSummary("33", "Владимирская область", 2, 0, 2, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 3.0, 1, 1, 3),
                // every rating given counts on its own day: q1's 2 and 5 and q2's 4; q1's 1 of the next day not here
                new RegionSummary("58", "Пензенская область", 2, 2, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 4.0, 1, 3, 11));
        // FIRST: q1 received at +0 (its first receipt), answered at +6 (its latest answer): 6 s in (5..10];
        // q2 20 s in (10..30]; q4 passed on, the specialist's first reply at 600 s in (300..600]
        assertThat(view("/regions", day, Figures.class)).containsExactly(
                new Figures("33", "Владимирская область", null, 2, 0, 2, 0, 1, 1, 1, 1, 1, 0, 0, 0, 3.0, 1,
                        List.of(0L, 0L, 1L, 0L, 0L), 450L, 570L, 450L, 570L),
                new Figures("58", "Пензенская область", null, 2, 2, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 4.0, 1,
                        List.of(0L, 0L, 0L, 1L, 0L), 10L, 26L, 2700L, 3420L));
        // q1's latest answer set its topic; q6 has none
        assertThat(view("/topics", day, Figures.class)).extracting(Figures::key, Figures::appeals)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ktp", 1L),
                        org.assertj.core.groups.Tuple.tuple("vacation", 2L));
        assertThat(view("/kb-growth", day, KbGrowth.class)).containsExactly(new KbGrowth(day, "ktp", 1, 1),
                new KbGrowth(day, "vacation", 1, 0));
        // q1's last rating moved to the next day
        assertThat(view("/regions", day.plusDays(1), Figures.class)).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("58");
            assertThat(f.appeals()).isZero();
            assertThat(f.ratings()).containsExactly(1L, 0L, 0L, 0L, 0L);
        });

        LocalDate other = LocalDate.parse("2026-05-25");
        applyOneByOne(scenario(other));
        for (String path : List.of("/summary", "/regions", "/topics")) {
            assertThat(raw(path, other)).as(path).isEqualTo(raw(path, day));
            assertThat(raw(path, other.plusDays(1))).as(path).isEqualTo(raw(path, day.plusDays(1)));
        }
        assertThat(view("/kb-growth", other, KbGrowth.class)).extracting(KbGrowth::topic, KbGrowth::created,
                KbGrowth::updated).isEqualTo(view("/kb-growth", day, KbGrowth.class).stream()
                .map(g -> org.assertj.core.groups.Tuple.tuple(g.topic(), g.created(), g.updated())).toList());
    }

    /** The statements of a one-run transaction (the run's own and the counters' flush), for runs of 1, 10, 100. */
    @Test
    void aRunCostsTheSameNumberOfStatementsWhateverItsLength() {
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        List<Integer> sizes = List.of(1, 10, 100);
        for (int k = 0; k < sizes.size(); k++) {
            int n = sizes.get(k);
            Instant t = LocalDate.parse("2026-06-01").plusDays(k).atTime(9, 0).toInstant(ZoneOffset.UTC);
            List<UUID> a = IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
            List<UUID> b = IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
            Function<Integer, String> region = i -> i % 2 == 0 ? "58" : "33";
            // a: answered and replied to before the receipts come, so the receipts measure both times
            apply(List.of(new Run<>(Topics.ANSWER_MATCHED,
                            each(a, (u, i) -> matched(u, region.apply(i), t.plusSeconds(i + 1L)))),
                    new Run<>(Topics.OPERATOR_REPLIED,
                            each(a, (u, i) -> replied(u, region.apply(i), t.plusSeconds(600 + i))))));
            // b: received before, so the answers measure the time to the first answer
            apply(List.of(new Run<>(Topics.APPEAL_RECEIVED, each(b, (u, i) -> received(u, region.apply(i), t)))));

            count(counts, "appeal.received (both times measured)", Topics.APPEAL_RECEIVED,
                    each(a, (u, i) -> received(u, region.apply(i), t)));
            count(counts, "appeal.answer.matched (first answer measured)", Topics.ANSWER_MATCHED,
                    each(b, (u, i) -> matched(u, region.apply(i), t.plusSeconds(i + 3L))));
            count(counts, "appeal.operator-replied (specialist measured)", Topics.OPERATOR_REPLIED,
                    each(b, (u, i) -> replied(u, region.apply(i), t.plusSeconds(700 + i))));
            count(counts, "appeal.answer.unmatched", Topics.ANSWER_UNMATCHED,
                    each(a, (u, i) -> unmatched(u, region.apply(i), t.plusSeconds(2), "vacation")));
            count(counts, "appeal.ai-judged", Topics.AI_JUDGED,
                    each(a, (u, i) -> judged(u, region.apply(i), t.plusSeconds(800),
                            AiJudged.Verdict.values()[i % 3])));
            count(counts, "appeal.rated (first rating)", Topics.APPEAL_RATED,
                    each(a, (u, i) -> rated(u, region.apply(i), t.plusSeconds(900), 1 + i % 5)));
            count(counts, "appeal.rated (a rating replaced)", Topics.APPEAL_RATED,
                    each(a, (u, i) -> rated(u, region.apply(i), t.plusSeconds(950), 5 - i % 5)));
            count(counts, "appeal.offtopic (no fact)", Topics.APPEAL_OFFTOPIC,
                    each(b, (u, i) -> offTopic(u, region.apply(i), t.plusSeconds(5))));
            count(counts, "appeal.assigned", Topics.APPEAL_ASSIGNED,
                    each(a, (u, i) -> assigned(u, region.apply(i), t.plusSeconds(30))));
            count(counts, "kb.entry.published", Topics.KB_ENTRY_PUBLISHED,
                    each(a, (u, i) -> published("kb-" + u, 1 + i % 2, "ktp", t)));
        }
        counts.forEach((what, perSize) -> System.out.printf("statements per run of %s events: %s — %s%n", sizes,
                perSize, what));
        counts.forEach((what, perSize) -> assertThat(perSize).as(what).containsOnly(perSize.getFirst()));
    }

    private interface Indexed<T> {
        T of(UUID appeal, int index);
    }

    private static <T> List<T> each(List<UUID> appeals, Indexed<T> event) {
        List<T> events = new ArrayList<>(appeals.size());
        for (int i = 0; i < appeals.size(); i++) {
            events.add(event.of(appeals.get(i), i));
        }
        return events;
    }

    private <T extends Event> void count(Map<String, List<Integer>> counts, String what, Topic<T> topic,
                                         List<T> events) {
        List<String> statements = apply(List.of(new Run<>(topic, events)));
        counts.computeIfAbsent(what, w -> new ArrayList<>()).add(statements.size());
    }
}
