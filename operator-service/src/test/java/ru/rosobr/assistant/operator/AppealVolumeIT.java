package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ru.rosobr.assistant.testkit.TestJwt;

/**
 * The console at national volume: 100 000 appeals in 13 regions (a few large ones and a long tail), every status,
 * deadlines spread over three months with the old open ones overdue, and the viewers' read marks. The list (filters,
 * search, sorts, a deep page), the kanban (first pages and «показать ещё») and the counters each answer within
 * 200 ms at the 99th percentile for a federal user and for a regional operator, measured over HTTP after a warm-up
 * (the best of up to three rounds, see {@link #ROUNDS}).
 * The rows are written straight into the service's tables (no events) and removed afterwards; their regions are used
 * by no other test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppealVolumeIT extends OperatorTestBase {

    static final int APPEALS = 100_000;
    // a server is measured warm: after ten calls much of the path still ran in the interpreter or C1 code
    static final int WARM_UP = 40;
    static final int CALLS = 100;
    static final long P99_LIMIT_MS = 200;
    /**
     * Rounds of {@link #CALLS} per kind at most: a parallel build (-T2) runs another module's tests on the other core,
     * and one round they slow proves nothing about the server; one round within the limit does, so a kind is slow
     * only when every round is.
     */
    static final int ROUNDS = 3;
    static final String BULK = "bulk-";

    /** Weighted like the country: 77 has three shares, 50 two, the others one each (regions no other test uses). */
    static final String REGIONS = "array['77','77','77','50','50','78','16','66','23','54','02','63','52','24','38','59']";

    String federal;
    String op77;

    @BeforeAll
    void loadAppeals() {
        long started = System.nanoTime();
        db.sql(("""
                insert into appeals (id, region, teacher_id, teacher_fio, org_type, text, received_at, ai_topic,
                                     ai_answer, ai_score, target, assigned_operator, assignment_reason, assigned_at,
                                     status, overdue, overdue_deadline, created_at, updated_at, deadline, rating,
                                     federal, version)
                select gen_random_uuid(), x.region, '%s' || x.g,
                       (array['Иванова','Петров','Сидорова','Кузнецова','Смирнов','Попова','Волков','Соколова',
                              'Морозов','Лебедева'])[1 + x.g %% 10]
                           || ' ' || (array['Мария','Иван','Анна','Ольга','Сергей','Елена','Дмитрий','Наталья'])[1 + x.g %% 8]
                           || ' ' || (array['Сергеевна','Ильич','Павловна','Викторовна','Андреевич','Николаевна'])[1 + x.g %% 6],
                       (array['SCHOOL','SCHOOL','SPO','DOO'])[1 + x.g %% 4],
                       (array['Обязан ли учитель составлять', 'Кто утверждает', 'Нужно ли вести', 'Можно ли требовать',
                              'Законно ли требование заполнять'])[1 + x.g %% 5]
                           || ' ' || (array['рабочую программу по физике', 'журнал кружка', 'технологическую карту урока',
                                            'отчёт о посещаемости', 'план воспитательной работы', 'портфолио класса',
                                            'карту развития ребёнка'])[1 + x.g %% 7]
                           || '? Обращение № ' || x.g || '. Руководитель требует сдавать документ каждую неделю.',
                       x.created, 'reports', 'Кандидат ответа из базы знаний', 0.37,
                       case when x.status = 'FEDERAL' then 'FEDERAL_QUEUE' else 'OPERATOR' end,
                       'op' || x.region || '-' || (x.g %% 20), 'UNMATCHED:LEAST_LOADED_ON_SHIFT', x.created, x.status,
                       x.overdue, case when x.overdue then x.due end, x.created, x.created, x.due,
                       case when x.status in ('ANSWERED', 'CLOSED') and x.g %% 3 = 0 then 1 + x.g %% 5 end,
                       x.status = 'FEDERAL' or (x.status in ('ANSWERED', 'CLOSED') and x.g %% 40 = 0), 1 + x.g %% 4
                from (select s.*, s.status in ('NEW', 'IN_PROGRESS', 'FEDERAL') and s.due < now() as overdue
                      from (select g, region, created, created + interval '7 days' as due,
                                   -- the last ten days are mostly open, older appeals mostly answered or closed
                                   case when created > now() - interval '10 days'
                                        then (array['NEW','NEW','NEW','NEW','NEW','IN_PROGRESS','IN_PROGRESS',
                                                    'IN_PROGRESS','ANSWERED','FEDERAL'])[1 + g %% 10]
                                        else (array['ANSWERED','CLOSED','ANSWERED','CLOSED','ANSWERED','CLOSED',
                                                    'ANSWERED','CLOSED','CLOSED','ANSWERED','ANSWERED','CLOSED',
                                                    'ANSWERED','CLOSED','ANSWERED','CLOSED','ANSWERED','CLOSED',
                                                    'NEW','IN_PROGRESS'])[1 + g %% 20]
                                   end as status
                            from (select g, (%s)[1 + (g * 7919) %% 16] as region,
                                         now() - make_interval(mins => ((g::bigint * 104729) %% 129600)::int) as created
                                  from generate_series(1, %d) g) base) s) x""")
                        .formatted(BULK, REGIONS, APPEALS))
                .fetch().rowsUpdated().block();
        long inserted = System.nanoTime();
        // what each viewer has opened: a fifth of everything for the federal user, half of region 77 for its operator
        db.sql("insert into appeal_reads (appeal_id, username, seen_version) select id, 'federal', version "
                + "from appeals where teacher_id like 'bulk-%' and (hashtext(id::text) & 2147483647) % 5 = 0").then().block();
        db.sql("insert into appeal_reads (appeal_id, username, seen_version) select id, 'op77', version - version % 2 "
                + "from appeals where teacher_id like 'bulk-%' and region = '77' and (hashtext(id::text) & 2147483647) % 2 = 0")
                .then().block();
        long read = System.nanoTime();
        // what autovacuum does soon after such a load: statistics and the visibility map (index-only scans)
        db.sql("vacuum analyze appeals").then().block();
        db.sql("vacuum analyze appeal_reads").then().block();
        long done = System.nanoTime();
        System.out.printf("[volume] %,d appeals loaded in %d ms (insert %d ms, read marks %d ms, vacuum analyze %d ms)%n",
                APPEALS, (done - started) / 1_000_000, (inserted - started) / 1_000_000, (read - inserted) / 1_000_000,
                (done - read) / 1_000_000);
        federal = login("federal");
        op77 = TestJwt.token("op77", List.of("OPERATOR"), "77");
    }

    @AfterAll
    void removeAppeals() {
        long started = System.nanoTime();
        db.sql("delete from appeal_reads where appeal_id in (select id from appeals where teacher_id like 'bulk-%')")
                .then().block();
        db.sql("delete from appeals where teacher_id like 'bulk-%'").then().block();
        System.out.printf("[volume] removed in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void listKanbanAndCountersStayFastAtAHundredThousandAppeals() {
        List<String> report = new ArrayList<>();
        for (var viewer : List.of(Map.entry("federal", federal), Map.entry("op77", op77))) {
            String token = viewer.getValue();
            String who = viewer.getKey();
            boolean all = who.equals("federal");
            List<String> lists = new ArrayList<>(List.of(
                    "/api/console/appeals",
                    "/api/console/appeals?status=NEW&sort=deadline",
                    "/api/console/appeals?q=физике",
                    "/api/console/appeals?q=Лебедева Ольга&sort=-deadline",
                    "/api/console/appeals?overdue=true&sort=deadline",
                    "/api/console/appeals?column=IN_PROGRESS,OVERDUE&sort=-createdAt&size=200",
                    "/api/console/appeals?status=ANSWERED,CLOSED&rating=1",
                    "/api/console/appeals?page=200&size=50",
                    "/api/console/appeals?from=" + LocalDate.now().minusDays(30) + "&sort=createdAt&page=20"));
            if (all) {
                lists.add("/api/console/appeals?region=50&sort=deadline&page=10");
            }
            String overdueCursor = next(token, "/api/console/kanban?perColumn=20", "OVERDUE");
            String answeredCursor = next(token, "/api/console/kanban?perColumn=20", "ANSWERED");
            List<String> kanban = List.of(
                    "/api/console/kanban?perColumn=20",
                    "/api/console/kanban/OVERDUE?limit=20&after=" + overdueCursor,
                    "/api/console/kanban/ANSWERED?limit=20&after=" + answeredCursor,
                    // looking for a teacher (a fortieth of all appeals match); a word in every seventh question is
                    // in the list's series
                    "/api/console/kanban?perColumn=20&q=Соколова Елена",
                    all ? "/api/console/kanban?perColumn=20&region=77" : "/api/console/kanban?perColumn=50");
            List<String> counters = List.of(
                    "/api/console/appeals/counters",
                    all ? "/api/console/appeals/counters?region=16" : "/api/console/appeals/counters?q=журнал");

            report.add(measure(who, "list", token, i -> lists.get(i % lists.size())));
            report.add(measure(who, "kanban", token, i -> kanban.get(i % kanban.size())));
            report.add(measure(who, "counters", token, i -> counters.get(i % counters.size())));
        }
        report.forEach(System.out::println);
        assertThat(report).allSatisfy(line -> assertThat(line).doesNotContain("SLOW"));
    }

    @Test
    void theColumnTotalsAreTheCountersAndTheColumnsPageWithoutGapsOrRepeats() {
        for (String token : List.of(federal, op77)) {
            Map<?, ?> counters = body(token, "/api/console/appeals/counters");
            Map<?, ?> board = body(token, "/api/console/kanban?perColumn=20");
            long sum = 0;
            for (Object o : (List<?>) board.get("columns")) {
                Map<?, ?> column = (Map<?, ?>) o;
                String id = (String) column.get("column");
                long total = ((Number) column.get("total")).longValue();
                assertThat(total).as(id).isEqualTo(((Number) counters.get(id.equals("OVERDUE") ? "overdue" : id))
                        .longValue());
                assertThat((List<?>) column.get("items")).hasSize((int) Math.min(20, total));
                sum += total;
            }
            long visible = Long.parseLong(web.get().uri("/api/console/appeals?size=1")
                    .header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getFirst("X-Total-Count"));
            assertThat(sum).isEqualTo(visible).isGreaterThanOrEqualTo(token.equals(op77) ? 15_000 : APPEALS);

            // five pages of «Просрочено»: nearest deadline first, every card once
            Set<Object> seen = new HashSet<>();
            Instant previousDeadline = Instant.MIN;
            String cursor = null;
            for (int page = 0; page < 5; page++) {
                Map<?, ?> p = body(token, "/api/console/kanban/OVERDUE?limit=100"
                        + (cursor == null ? "" : "&after=" + cursor));
                for (Object o : (List<?>) p.get("items")) {
                    Map<?, ?> card = (Map<?, ?>) o;
                    assertThat(seen.add(card.get("id"))).isTrue();
                    assertThat((Boolean) card.get("overdue")).isTrue();
                    Instant deadline = Instant.parse((String) card.get("deadline"));
                    assertThat(deadline).isAfterOrEqualTo(previousDeadline);
                    previousDeadline = deadline;
                }
                cursor = (String) p.get("next");
            }
            assertThat(seen).hasSize(500);
        }
    }

    private String measure(String who, String what, String token, IntFunction<String> uri) {
        for (int i = 0; i < WARM_UP; i++) {
            call(token, uri.apply(i));
        }
        String line = null;
        for (int round = 1; round <= ROUNDS; round++) {
            line = round(who, what, token, uri) + (round > 1 ? "  (round " + round + " of " + ROUNDS + ")" : "");
            if (!line.contains("SLOW")) {
                return line;
            }
            System.out.println(line);
        }
        return line;
    }

    private String round(String who, String what, String token, IntFunction<String> uri) {
        long[] micros = new long[CALLS];
        String slowest = null;
        long slowestMicros = -1;
        for (int i = 0; i < CALLS; i++) {
            long t0 = System.nanoTime();
            call(token, uri.apply(i));
            micros[i] = (System.nanoTime() - t0) / 1_000;
            if (micros[i] > slowestMicros) {
                slowestMicros = micros[i];
                slowest = uri.apply(i);
            }
        }
        Arrays.sort(micros);
        double p50 = micros[CALLS / 2] / 1000.0;
        double p99 = micros[(int) Math.ceil(CALLS * 0.99) - 1] / 1000.0;
        double max = micros[CALLS - 1] / 1000.0;
        return String.format("[volume] %-8s %-9s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d calls; slowest %s)%s",
                who, what, p50, p99, max, CALLS, slowest, p99 > P99_LIMIT_MS ? "  SLOW: over " + P99_LIMIT_MS + " ms" : "");
    }

    private void call(String token, String uri) {
        web.get().uri(uri).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody().returnResult();
    }

    private Map<?, ?> body(String token, String uri) {
        return web.get().uri(uri).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private String next(String token, String uri, String column) {
        for (Object o : (List<?>) body(token, uri).get("columns")) {
            Map<?, ?> c = (Map<?, ?>) o;
            if (column.equals(c.get("column"))) {
                return (String) c.get("next");
            }
        }
        throw new AssertionError("no column " + column);
    }
}
