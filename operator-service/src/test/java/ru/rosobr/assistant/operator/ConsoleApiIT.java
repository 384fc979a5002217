package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealReassigned;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.contracts.events.TeacherMessageAdded;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.TestJwt;

/** The console API: list, counters, unread, export, kanban moves, reassignment, control, logout. */
class ConsoleApiIT extends OperatorTestBase {

    private static final Instant MAR_03 = Instant.parse("2025-03-03T07:15:00Z");
    private static final Instant MAR_05 = Instant.parse("2025-03-05T07:15:00Z");
    private static final Instant MAR_10 = Instant.parse("2025-03-10T07:15:00Z");

    private static List<String> ids(WebTestClient.ResponseSpec spec) {
        List<?> body = spec.expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        List<String> ids = new ArrayList<>();
        for (Object o : body) {
            ids.add((String) ((Map<?, ?>) o).get("id"));
        }
        return ids;
    }

    /** One field of each JSON object of a list. */
    private static List<Object> values(List<?> objects, String key) {
        List<Object> values = new ArrayList<>();
        for (Object o : objects) {
            values.add(((Map<?, ?>) o).get(key));
        }
        return values;
    }

    // ---- list: filters, search, sorting, paging, counters, unread, export ------------------------------------

    @Test
    void theListFiltersSearchesSortsAndPagesWithATotalCount() {
        // region 61 belongs to this test alone: exact counts
        String op61 = TestJwt.token("op61", List.of("OPERATOR"), "61");
        AppealAssigned a = assignAt("61", "op61", "Иванова Мария Сергеевна", "Нужен ли отдельный журнал кружка?",
                MAR_03, MAR_03.plusSeconds(60));
        AppealAssigned b = assignAt("61", "op61", "Петров Иван Ильич", "Рабочая программа по физике: кто утверждает?",
                MAR_05, MAR_05.plusSeconds(60));
        AppealAssigned c = assignAt("61", null, "Сидорова Анна Павловна", "Технологическая карта урока обязательна?",
                MAR_10, MAR_10.plusSeconds(60));
        String A = a.appealId().toString();
        String B = b.appealId().toString();
        String C = c.appealId().toString();
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                get(op61, "/api/console/appeals").exchange().expectHeader().valueEquals("X-Total-Count", "3"));

        assertThat(ids(get(op61, "/api/console/appeals").exchange())).containsExactly(C, B, A);
        assertThat(ids(get(op61, "/api/console/appeals?sort=createdAt").exchange())).containsExactly(A, B, C);
        assertThat(ids(get(op61, "/api/console/appeals?sort=deadline").exchange())).containsExactly(A, B, C);
        assertThat(ids(get(op61, "/api/console/appeals?sort=-deadline").exchange())).containsExactly(C, B, A);
        var secondPage = get(op61, "/api/console/appeals?sort=createdAt&page=1&size=2").exchange();
        secondPage.expectHeader().valueEquals("X-Total-Count", "3");
        assertThat(ids(secondPage)).containsExactly(C);
        assertThat(ids(get(op61, "/api/console/appeals?q=ПРОГРАММА").exchange())).containsExactly(B);
        assertThat(ids(get(op61, "/api/console/appeals?q=сидорова").exchange())).containsExactly(C);
        assertThat(ids(get(op61, "/api/console/appeals?q=100%25_").exchange())).isEmpty();
        assertThat(ids(get(op61, "/api/console/appeals?from=2025-03-04&to=2025-03-05").exchange()))
                .containsExactly(B);
        assertThat(ids(get(op61, "/api/console/appeals?from=2025-03-05T00:00:00Z").exchange()))
                .containsExactly(C, B);
        assertThat(ids(get(op61, "/api/console/appeals?operator=op61").exchange())).containsExactly(B, A);
        assertThat(ids(get(op61, "/api/console/appeals?region=58").exchange())).isEmpty();
        get(login("federal"), "/api/console/appeals?region=61").exchange()
                .expectHeader().valueEquals("X-Total-Count", "3");

        // the SLA: five working days by the production calendar, end of day in the region
        get(op61, "/api/console/appeals?sort=createdAt").exchange().expectBody()
                .jsonPath("$[0].deadline").isEqualTo("2025-03-10T21:00:00Z")
                .jsonPath("$[1].deadline").isEqualTo("2025-03-12T21:00:00Z")
                .jsonPath("$[2].deadline").isEqualTo("2025-03-17T21:00:00Z")
                .jsonPath("$[2].target").isEqualTo("REGION_QUEUE")
                .jsonPath("$[0].unread").isEqualTo(true);

        // status, rating and overdue filters follow the appeals' changes
        post(op61, "/api/console/appeals/" + B + "/status", Map.of("status", "IN_PROGRESS")).exchange()
                .expectStatus().isOk();
        AppealRated rated = AppealRated.of(c.appealId(), "61", c.teacherId(), 5);
        KafkaProbe.publish(Topics.APPEAL_RATED, rated);
        AppealOverdue overdue = AppealOverdue.of(a.appealId(), "61", Instant.parse("2025-03-10T21:00:00Z"));
        KafkaProbe.publish(Topics.APPEAL_OVERDUE, overdue);
        awaitProcessed(rated.eventId());
        awaitProcessed(overdue.eventId());
        assertThat(ids(get(op61, "/api/console/appeals?status=IN_PROGRESS").exchange())).containsExactly(B);
        assertThat(ids(get(op61, "/api/console/appeals?status=NEW,IN_PROGRESS").exchange())).containsExactly(C, B, A);
        assertThat(ids(get(op61, "/api/console/appeals?status=NEW&status=ANSWERED").exchange()))
                .containsExactly(C, A);
        assertThat(ids(get(op61, "/api/console/appeals?rating=5").exchange())).containsExactly(C);
        assertThat(ids(get(op61, "/api/console/appeals?overdue=true").exchange())).containsExactly(A);
        assertThat(ids(get(op61, "/api/console/appeals?overdue=false").exchange())).containsExactly(C, B);
        assertThat(ids(get(op61, "/api/console/appeals?column=OVERDUE").exchange())).containsExactly(A);
        assertThat(ids(get(op61, "/api/console/appeals?column=NEW,IN_PROGRESS").exchange())).containsExactly(C, B);

        // counters (per kanban column: the overdue A is under «Просрочено», not «Новое») and unread marks: opening
        // a card reads it; a later change makes it unread again
        get(op61, "/api/console/appeals/counters").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.NEW").isEqualTo(1)
                .jsonPath("$.IN_PROGRESS").isEqualTo(1)
                .jsonPath("$.ANSWERED").isEqualTo(0)
                .jsonPath("$.CLOSED").isEqualTo(0)
                .jsonPath("$.FEDERAL").isEqualTo(0)
                .jsonPath("$.overdue").isEqualTo(1)
                .jsonPath("$.unread").isEqualTo(2); // B was moved by op61 and is read for them
        get(op61, "/api/console/appeals/" + A).exchange().expectStatus().isOk();
        get(op61, "/api/console/appeals/counters").exchange().expectBody().jsonPath("$.unread").isEqualTo(1);
        get(op61, "/api/console/appeals?q=Иванова").exchange().expectBody().jsonPath("$[0].unread").isEqualTo(false);
        TeacherMessageAdded more = TeacherMessageAdded.of(a.appealId(), "61", a.teacherId(), UUID.randomUUID(),
                "Уточняю: кружок ведётся раз в неделю.");
        KafkaProbe.publish(Topics.TEACHER_MESSAGE_ADDED, more);
        awaitProcessed(more.eventId());
        get(op61, "/api/console/appeals?q=Иванова").exchange().expectBody().jsonPath("$[0].unread").isEqualTo(true);
        get(op61, "/api/console/appeals/" + A).exchange().expectBody()
                .jsonPath("$.timeline[?(@.kind == 'TEACHER_MESSAGE')].text").isEqualTo(more.text())
                .jsonPath("$.timeline[?(@.kind == 'TEACHER_MESSAGE')].author").isEqualTo("Иванова Мария Сергеевна");
        get(op61, "/api/console/appeals/" + C).exchange().expectBody()
                .jsonPath("$.rating").isEqualTo(5)
                .jsonPath("$.timeline[?(@.kind == 'RATING')].text").isEqualTo("Педагог оценил ответ: 5 из 5");

        // the CSV export: same filters, Excel-friendly
        byte[] raw = get(op61, "/api/console/appeals/export.csv?sort=createdAt").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"appeals.csv\"")
                .expectBody().returnResult().getResponseBody();
        List<String> lines = new String(raw, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("\uFEFFНомер обращения;Код региона;Регион;Статус");
        assertThat(lines.get(1)).startsWith(A + ";61;").contains(";Новое;да;нет;03.03.2025 10:15;")
                .contains("Иванова Мария Сергеевна");
        assertThat(lines.get(3)).startsWith(C + ";").endsWith(";5;Технологическая карта урока обязательна?");
        byte[] one = get(op61, "/api/console/appeals/export.csv?q=физике").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(one, StandardCharsets.UTF_8).lines()).hasSize(2);
        get(login("federal"), "/api/console/audit?action=EXPORT&actor=op61").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void badListParametersAreRefusedWithAReason() {
        String op58 = login("operator58");
        Map<String, String> bad = Map.of(
                "sort=price", "Неизвестная сортировка: price. Допустимые: createdAt, -createdAt, deadline, -deadline",
                "size=500", "Размер страницы (size) — от 1 до 200",
                "page=-1", "Номер страницы (page) не может быть отрицательным",
                "page=first", "Параметр page должен быть целым числом: first",
                "rating=7", "Оценка (rating) — число от 1 до 5",
                "overdue=maybe", "Параметр overdue принимает значения true или false",
                "from=вчера", "Параметр from — дата (2025-03-01) или момент времени (2025-03-01T09:00:00Z): вчера",
                "from=2025-03-05&to=2025-03-01", "Начало периода (from) должно быть раньше конца (to)",
                "region=99", "Неизвестный код региона: 99",
                "status=NEW,LOST", "Неизвестный статус: LOST. Допустимые: NEW, IN_PROGRESS, ANSWERED, CLOSED, FEDERAL");
        bad.forEach((query, reason) -> {
            get(op58, "/api/console/appeals?" + query).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").isEqualTo(reason);
            if (!query.startsWith("page") && !query.startsWith("size")) { // the export has no pages
                get(op58, "/api/console/appeals/export.csv?" + query).exchange().expectStatus().isBadRequest();
            }
        });
        get(op58, "/api/console/appeals?column=LOST").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Неизвестная колонка: LOST. Допустимые: NEW, IN_PROGRESS, ANSWERED, CLOSED, OVERDUE, FEDERAL");
        get(op58, "/api/console/appeals/counters?region=99").exchange().expectStatus().isBadRequest();
        get(op58, "/api/console/kanban?region=99").exchange().expectStatus().isBadRequest();
        get(op58, "/api/console/kanban?perColumn=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Параметр perColumn — от 1 до 100");
        get(op58, "/api/console/kanban?perColumn=много").exchange().expectStatus().isBadRequest();
        get(op58, "/api/console/kanban/NEW?limit=101").exchange().expectStatus().isBadRequest();
        get(op58, "/api/console/kanban/NEW?after=not-a-cursor").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("Некорректный параметр after: передайте значение next из предыдущей страницы");
        get(op58, "/api/console/kanban/LOST").exchange().expectStatus().isNotFound();
    }

    // ---- the kanban ------------------------------------------------------------------------------------------

    @Test
    void theKanbanPagesEachColumnByDeadlineAndItsTotalsAreTheCounters() {
        // region 62 belongs to this test alone: exact counts
        String op62 = TestJwt.token("op62", List.of("OPERATOR"), "62");
        List<AppealAssigned> news = new ArrayList<>();
        for (int day = 0; day < 5; day++) { // a later assignment, a later deadline
            Instant at = MAR_03.plusSeconds(86_400L * day);
            news.add(assignAt("62", "op62", "Педагог " + day, "Вопрос " + day, at, at.plusSeconds(60)));
        }
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                get(op62, "/api/console/appeals").exchange().expectHeader().valueEquals("X-Total-Count", "5"));
        String first = news.get(0).appealId().toString();
        post(op62, "/api/console/appeals/" + news.get(4).appealId() + "/status", Map.of("status", "IN_PROGRESS"))
                .exchange().expectStatus().isOk();
        AppealOverdue overdue = AppealOverdue.of(news.get(3).appealId(), "62", Instant.parse("2025-03-17T21:00:00Z"));
        KafkaProbe.publish(Topics.APPEAL_OVERDUE, overdue);
        awaitProcessed(overdue.eventId());

        // every column with its total and its first page; the totals are the counters' figures
        Map<?, ?> board = get(op62, "/api/console/kanban?perColumn=2").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<?> columns = (List<?>) board.get("columns");
        assertThat(values(columns, "column"))
                .containsExactly("NEW", "IN_PROGRESS", "ANSWERED", "CLOSED", "OVERDUE", "FEDERAL");
        assertThat(values(columns, "title")).startsWith("Новое", "В работе");
        Map<?, ?> newColumn = (Map<?, ?>) columns.get(0);
        assertThat(newColumn.get("total")).isEqualTo(3);
        List<?> newCards = (List<?>) newColumn.get("items");
        assertThat(values(newCards, "id"))
                .containsExactly(first, news.get(1).appealId().toString());
        assertThat(newColumn.get("next")).isNotNull();
        assertThat(((Map<?, ?>) columns.get(1)).get("total")).isEqualTo(1);
        assertThat(((Map<?, ?>) columns.get(1)).get("next")).isNull();
        assertThat(values((List<?>) ((Map<?, ?>) columns.get(4)).get("items"), "id"))
                .containsExactly(news.get(3).appealId().toString());
        get(op62, "/api/console/appeals/counters").exchange().expectBody()
                .jsonPath("$.NEW").isEqualTo(3).jsonPath("$.IN_PROGRESS").isEqualTo(1)
                .jsonPath("$.overdue").isEqualTo(1).jsonPath("$.FEDERAL").isEqualTo(0);

        // «показать ещё»: the rest of the column after the cursor, then no further page
        Map<?, ?> more = get(op62, "/api/console/kanban/NEW?limit=2&after=" + newColumn.get("next")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(more.get("column")).isEqualTo("NEW");
        assertThat(more.get("total")).isEqualTo(3);
        assertThat(values((List<?>) more.get("items"), "id"))
                .containsExactly(news.get(2).appealId().toString());
        assertThat(more.get("next")).isNull();

        // a card moved after the first page was read is neither lost nor shown twice by the next page
        post(op62, "/api/console/appeals/" + first + "/status", Map.of("status", "IN_PROGRESS")).exchange()
                .expectStatus().isOk();
        get(op62, "/api/console/kanban/NEW?limit=2&after=" + newColumn.get("next")).exchange().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(news.get(2).appealId().toString());
        get(op62, "/api/console/kanban/IN_PROGRESS").exchange().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(first);

        // the search narrows the columns and their totals alike; region isolation as everywhere
        get(op62, "/api/console/kanban?q=вопрос 2").exchange().expectBody()
                .jsonPath("$.columns[0].total").isEqualTo(1)
                .jsonPath("$.columns[0].items[0].id").isEqualTo(news.get(2).appealId().toString())
                .jsonPath("$.columns[1].total").isEqualTo(0);
        get(login("operator33"), "/api/console/kanban?region=62").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.columns[0].total").isEqualTo(0)
                .jsonPath("$.columns[1].total").isEqualTo(0);
        get(login("operator33"), "/api/console/kanban/NEW?region=62").exchange().expectBody()
                .jsonPath("$.total").isEqualTo(0).jsonPath("$.items.length()").isEqualTo(0);
        get(login("federal"), "/api/console/kanban?region=62&perColumn=1").exchange().expectBody()
                .jsonPath("$.columns[0].total").isEqualTo(2)
                .jsonPath("$.columns[1].total").isEqualTo(2)
                .jsonPath("$.columns[4].total").isEqualTo(1)
                .jsonPath("$.columns[1].items.length()").isEqualTo(1);
    }

    @Test
    void statusMovesFollowTheKanbanRules() {
        String op58 = login("operator58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId();

        post(op58, uri + "/status", Map.of("status", "CLOSED")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Нельзя перевести обращение из «Новое» в «Закрыто»");
        post(op58, uri + "/status", Map.of("status", "ANSWERED")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("Статус «Ответ отправлен» ставится только отправкой ответа педагогу");
        post(op58, uri + "/status", Map.of("status", "FEDERAL")).exchange().expectStatus().isEqualTo(409);
        post(op58, uri + "/status", Map.of("status", "NEW")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Обращение уже в статусе «Новое»");
        post(op58, uri + "/status", Map.of("status", "SOMEWHERE")).exchange().expectStatus().isBadRequest();
        post(op58, uri + "/status", Map.of()).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Укажите новый статус обращения");
        post(op58, "/api/console/appeals/" + UUID.randomUUID() + "/status", Map.of("status", "IN_PROGRESS"))
                .exchange().expectStatus().isNotFound();

        long v0 = version(op58, e.appealId());
        post(op58, uri + "/status", Map.of("status", "IN_PROGRESS", "version", v0)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("IN_PROGRESS").jsonPath("$.version").isEqualTo(v0 + 1);
        // the card moved meanwhile: a move made against the old version is refused, nothing changes
        post(login("head58"), uri + "/status", Map.of("status", "NEW", "version", v0)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .startsWith("Обращение уже изменил другой сотрудник"));
        post(op58, uri + "/status", Map.of("status", "NEW", "version", v0 + 1)).exchange().expectStatus().isOk();
        post(op58, uri + "/status", Map.of("status", "IN_PROGRESS")).exchange().expectStatus().isOk();
        post(op58, uri + "/replies", Map.of("text", "Ответ педагогу")).exchange().expectStatus().isCreated();
        post(op58, uri + "/status", Map.of("status", "CLOSED")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        post(op58, uri + "/status", Map.of("status", "NEW")).exchange().expectStatus().isEqualTo(409);
        post(op58, uri + "/status", Map.of("status", "IN_PROGRESS")).exchange().expectStatus().isOk();

        get(op58, uri).exchange().expectBody()
                .jsonPath("$.timeline[?(@.kind == 'SYSTEM')].text").value(t -> assertThat(t.toString())
                        .contains("Статус: «Новое» → «В работе»", "Статус: «Ответ отправлен» → «Закрыто»"));
        get(login("head58"), "/api/console/audit?appealId=" + e.appealId() + "&action=STATUS").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(5);
    }

    // ---- reassignment, users ---------------------------------------------------------------------------------

    @Test
    void aHeadReassignsWithinTheRegionAndRoutingIsTold() {
        String admin = login("admin");
        post(admin, "/api/console/users", Map.of("username", "operator58b", "password", "secret-58b",
                "roles", List.of("OPERATOR"), "region", "58", "fullName", "Второй оператор"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.regionName").isEqualTo("Пензенская область")
                .jsonPath("$.enabled").isEqualTo(true);
        post(admin, "/api/console/users", Map.of("username", "operator58b", "password", "secret-58b",
                "roles", List.of("OPERATOR"), "region", "58")).exchange().expectStatus().isEqualTo(409);
        post(admin, "/api/console/users", Map.of("username", "x", "password", "secret-58b",
                "roles", List.of("OPERATOR"), "region", "58")).exchange().expectStatus().isBadRequest();
        post(admin, "/api/console/users", Map.of("username", "noregion", "password", "secret-58b",
                "roles", List.of("OPERATOR"))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Для оператора и руководителя региона укажите регион");
        post(login("head58"), "/api/console/users", Map.of("username", "sneaky", "password", "secret-58b",
                "roles", List.of("ADMIN"))).exchange().expectStatus().isForbidden();
        login("operator58b", "secret-58b");

        String head58 = login("head58");
        get(head58, "/api/console/users?role=OPERATOR").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].username").value(names -> assertThat(names.toString())
                        .contains("operator58", "operator58b").doesNotContain("operator33"));
        get(login("operator58"), "/api/console/users").exchange().expectStatus().isForbidden();

        String op58 = login("operator58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId() + "/reassign";
        post(op58, uri, Map.of("operator", "operator58b")).exchange().expectStatus().isForbidden();
        post(head58, uri, Map.of("operator", " ")).exchange().expectStatus().isBadRequest();
        post(head58, uri, Map.of("operator", "operator33")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("Оператор «operator33» не работает в регионе «Пензенская область»");
        post(head58, uri, Map.of("operator", "nobody")).exchange().expectStatus().isBadRequest();
        post(head58, uri, Map.of("operator", "operator58")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Обращение уже у оператора operator58");

        long v = version(head58, e.appealId());
        post(head58, uri, Map.of("operator", "operator58b", "comment", "Отпуск", "version", v)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.assignedOperator").isEqualTo("operator58b")
                .jsonPath("$.target").isEqualTo("OPERATOR")
                .jsonPath("$.version").isEqualTo(v + 1);
        AppealReassigned told = KafkaProbe.await(Topics.APPEAL_REASSIGNED,
                r -> r.appealId().equals(e.appealId()), WAIT);
        assertThat(told.fromOperator()).isEqualTo("operator58");
        assertThat(told.toOperator()).isEqualTo("operator58b");
        assertThat(told.reassignedBy()).isEqualTo("head58");
        assertThat(told.reason()).isEqualTo("Отпуск");
        assertThat(told.region()).isEqualTo("58");

        // routing's confirmation changes nothing the console already shows
        AppealAssigned confirmed = AppealAssigned.of(e.appealId(), "58", Target.OPERATOR, "operator58b",
                "REASSIGNED:MANUAL_REASSIGNMENT", e.teacherId(), e.teacherFio(), e.orgType(), e.text(),
                e.receivedAt(), e.aiTopic(), e.aiAnswer(), e.aiScore());
        KafkaProbe.publish(Topics.APPEAL_ASSIGNED, confirmed);
        awaitProcessed(confirmed.eventId());
        assertThat(version(head58, e.appealId())).isEqualTo(v + 1);
        get(op58, "/api/console/appeals?operator=operator58b&size=200").exchange().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].assignedOperator").isEqualTo("operator58b");

        // a disabled operator cannot get appeals; an answered appeal is not reassigned
        put(admin, "/api/console/users/operator58b", Map.of("enabled", false)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(false);
        post(head58, uri, Map.of("operator", "operator58")).exchange().expectStatus().isOk();
        post(head58, uri, Map.of("operator", "operator58b")).exchange().expectStatus().isBadRequest();
        post(op58, "/api/console/appeals/" + e.appealId() + "/replies", Map.of("text", "Ответ")).exchange()
                .expectStatus().isCreated();
        put(admin, "/api/console/users/operator58b", Map.of("enabled", true)).exchange().expectStatus().isOk();
        post(head58, uri, Map.of("operator", "operator58b")).exchange().expectStatus().isEqualTo(409);
        get(head58, "/api/console/audit?appealId=" + e.appealId() + "&action=REASSIGN").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].details").isEqualTo("operator58 → operator58b");
        get(login("federal"), "/api/console/audit?action=USER_CREATE&actor=admin").exchange().expectBody()
                .jsonPath("$[?(@.details =~ /operator58b.*/)]").exists();
    }

    private WebTestClient.RequestHeadersSpec<?> put(String token, String uri, Object body) {
        return web.put().uri(uri).header("Authorization", "Bearer " + token).bodyValue(body);
    }

    // ---- federal control -------------------------------------------------------------------------------------

    @Test
    void aFederalSpecialistTakesAnEscalatedAppealUnderControlAndAnswersIt() {
        String op58 = login("operator58");
        String federal = login("federal");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId();

        post(federal, uri + "/take-control", Map.of()).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "Взять на контроль можно только обращение, переданное на федеральный контроль (сейчас — «Новое»)");
        post(op58, uri + "/escalate", Map.of("reason", "Нужна позиция Рособрнадзора")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.federal").isEqualTo(true);
        post(op58, uri + "/take-control", Map.of()).exchange().expectStatus().isForbidden();
        post(login("admin"), uri + "/take-control", Map.of()).exchange().expectStatus().isForbidden();
        post(federal, uri + "/take-control", Map.of()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("FEDERAL")
                .jsonPath("$.controlledBy").isEqualTo("federal")
                .jsonPath("$.assignedOperator").isEqualTo("federal");
        post(federal, uri + "/take-control", Map.of()).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Обращение уже у вас на контроле");
        post(federal, uri + "/replies", Map.of("text", "Позиция Рософнадзора: отчёт не требуется.")).exchange()
                .expectStatus().isCreated();
        get(federal, "/api/console/appeals?status=ANSWERED&region=58&size=200").exchange().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].federal").isEqualTo(true)
                .jsonPath("$[?(@.id == '" + e.appealId() + "')].controlledBy").isEqualTo("federal");
        get(login("head58"), "/api/console/audit?appealId=" + e.appealId()).exchange().expectBody()
                .jsonPath("$[?(@.action == 'TAKE_CONTROL')].actor").isEqualTo("federal");
    }

    // ---- the card, concurrent replies, logout ----------------------------------------------------------------

    @Test
    void theCardShowsTheTeachersZoneTheSlaAndTheJudgement() {
        String op58 = login("operator58");
        AppealAssigned e = assignAt("58", "operator58", "Кузнецова Ольга Викторовна", "Вопрос про отчёты",
                MAR_03, MAR_03.plusSeconds(60));
        awaitCard(op58, e.appealId());
        post(op58, "/api/console/appeals/" + e.appealId() + "/judgement", Map.of("verdict", "WRONG",
                "comment", "Ответ про другое")).exchange().expectStatus().isCreated();
        get(op58, "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.teacherZone").isEqualTo("Europe/Moscow")
                .jsonPath("$.deadline").isEqualTo("2025-03-10T21:00:00Z")
                .jsonPath("$.aiTopic").isEqualTo("reports")
                .jsonPath("$.aiAnswer").isEqualTo("Кандидат ответа из базы знаний")
                .jsonPath("$.aiScore").isEqualTo(0.37)
                .jsonPath("$.judgement.verdict").isEqualTo("WRONG")
                .jsonPath("$.judgement.comment").isEqualTo("Ответ про другое")
                .jsonPath("$.judgement.operatorId").isEqualTo("operator58")
                .jsonPath("$.rating").doesNotExist()
                .jsonPath("$.timeline[0].kind").isEqualTo("TEACHER_QUESTION")
                .jsonPath("$.timeline[0].author").isEqualTo("Кузнецова Ольга Викторовна")
                .jsonPath("$.timeline[0].at").isEqualTo("2025-03-03T07:15:00Z");
    }

    @Test
    void twoOperatorsReplyingAtOnceOnlyOneGoesThroughAndTheOtherIsTold() throws Exception {
        String op58 = login("operator58");
        String head58 = login("head58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        long seen = version(op58, e.appealId());
        String uri = "/api/console/appeals/" + e.appealId() + "/replies";

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> post(op58, uri,
                Map.of("text", "Ответ оператора", "version", seen)).exchange().returnResult(String.class)
                .getStatus().value());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> post(head58, uri,
                Map.of("text", "Ответ руководителя", "version", seen)).exchange().returnResult(String.class)
                .getStatus().value());
        assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 409);

        Map<?, ?> card = card(op58, e.appealId());
        assertThat(card.get("version")).isEqualTo((int) seen + 1);
        assertThat(card.get("timeline").toString()).containsAnyOf("Ответ оператора", "Ответ руководителя")
                .satisfies(t -> assertThat(t.contains("Ответ оператора") && t.contains("Ответ руководителя"))
                        .isFalse());
        List<OperatorReplied> sent = KafkaProbe.awaitCount(Topics.OPERATOR_REPLIED,
                r -> r.appealId().equals(e.appealId()), 1, WAIT);
        assertThat(sent).hasSize(1);
        assertThat(KafkaProbe.all(Topics.OPERATOR_REPLIED, r -> r.appealId().equals(e.appealId()))).hasSize(1);
    }

    @Test
    void logoutEndsTheSessionAndOnlyIt() {
        String token = login("operator58");
        String other = login("operator58");
        get(token, "/api/auth/me").exchange().expectStatus().isOk();
        web.post().uri("/api/auth/logout").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isNoContent();
        get(token, "/api/auth/me").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("Сеанс завершён (выполнен выход): войдите снова");
        get(token, "/api/console/appeals").exchange().expectStatus().isUnauthorized();
        get(token, "/api/console/stream").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/auth/logout").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
        get(other, "/api/console/appeals").exchange().expectStatus().isOk();
        web.post().uri("/api/auth/logout").exchange().expectStatus().isUnauthorized();
        get(login("federal"), "/api/console/audit?action=LOGOUT&actor=operator58").exchange().expectBody()
                .jsonPath("$.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(1));
    }
}
