package ru.rosobr.assistant.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.AppealReassigned;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.contracts.events.StaffUserChanged;
import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.routing.assignment.OffShiftPolicy;
import ru.rosobr.assistant.routing.assignment.Shifts;
import ru.rosobr.assistant.routing.assignment.internal.AssignmentFlow;
import ru.rosobr.assistant.routing.roster.Roster;
import ru.rosobr.assistant.routing.roster.RosterEntry;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.OutboxProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "assistant.demo-data=true")
@AutoConfigureWebTestClient(timeout = "30s")
class RoutingServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "routing");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    Roster roster;

    @Autowired
    DatabaseClient db;

    @Autowired
    AssignmentFlow flow;

    @Autowired
    TransactionalOperator tx;

    @Autowired
    Outbox outbox;

    private static AnswerUnmatched unmatched(String region) {
        return AnswerUnmatched.of(UUID.randomUUID(), region, "t-" + UUID.randomUUID(), "Петрова Анна Сергеевна",
                OrgType.SCHOOL, "Какие документы нужны для аттестации на высшую категорию?",
                Instant.parse("2025-03-03T07:15:00Z"), "attestation", "kb-attestation-1", "Кандидат ответа", 0.41);
    }

    private static AppealAssigned awaitAssigned(UUID appealId) {
        return KafkaProbe.await(Topics.APPEAL_ASSIGNED, a -> a.appealId().equals(appealId), WAIT);
    }

    private RosterEntry operator(String username) {
        return roster.all().filter(e -> e.username().equals(username)).blockFirst();
    }

    private void awaitProcessed(UUID eventId) {
        Awaitility.await().atMost(WAIT).until(() -> db.sql("select 1 from processed_events where event_id = :id")
                .bind("id", eventId).fetch().first().hasElement().block());
    }

    @Test
    void unmatchedAppealOfRegion58GoesToOperator58WithItsSnapshot() {
        int openBefore = operator("operator58").openAppeals();
        AnswerUnmatched e = unmatched("58");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, e);

        AppealAssigned a = awaitAssigned(e.appealId());
        assertThat(a.target()).isEqualTo(Target.OPERATOR);
        assertThat(a.operatorId()).isEqualTo("operator58");
        assertThat(a.reason()).isEqualTo("UNMATCHED:LEAST_LOADED_ON_SHIFT");
        assertThat(a.region()).isEqualTo("58");
        assertThat(a.teacherId()).isEqualTo(e.teacherId());
        assertThat(a.teacherFio()).isEqualTo("Петрова Анна Сергеевна");
        assertThat(a.orgType()).isEqualTo(OrgType.SCHOOL);
        assertThat(a.text()).isEqualTo(e.text());
        assertThat(a.receivedAt()).isEqualTo(e.receivedAt());
        assertThat(a.aiTopic()).isEqualTo("attestation");
        assertThat(a.aiAnswer()).isEqualTo("Кандидат ответа");
        assertThat(a.aiScore()).isEqualTo(0.41);

        RosterEntry op = operator("operator58");
        assertThat(op.openAppeals()).isEqualTo(openBefore + 1);
        assertThat(op.lastAssignedAt()).isNotNull();
    }

    @Test
    void theSameAppealIsAssignedOncePerTrigger() {
        AnswerUnmatched first = unmatched("33");
        // the same decision published again under a new event id (e.g. a replayed upstream)
        AnswerUnmatched again = new AnswerUnmatched(UUID.randomUUID(), Instant.now(), AnswerUnmatched.VERSION,
                first.appealId(), "33", first.teacherId(), first.teacherFio(), first.orgType(), first.text(),
                first.receivedAt(), first.candidateTopic(), first.candidateEntryId(), first.candidateAnswer(),
                first.score());
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, first);
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, again);
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, first); // and a plain redelivery

        assertThat(awaitAssigned(first.appealId()).operatorId()).isEqualTo("operator33");
        awaitProcessed(again.eventId());
        // the plain redelivery leaves no trace of its own: the group's commit past it is the proof it was handled
        KafkaProbe.awaitConsumed("routing-service", Topics.ANSWER_UNMATCHED, WAIT);
        OutboxProbe.awaitPublished(db, WAIT);
        Long rows = db.sql("select count(*) as n from assignments where appeal_id = :id").bind("id", first.appealId())
                .map((r, m) -> r.get("n", Long.class)).one().block();
        assertThat(rows).isEqualTo(1L);
        assertThat(KafkaProbe.all(Topics.APPEAL_ASSIGNED, a -> a.appealId().equals(first.appealId()))).hasSize(1);
    }

    @Test
    void regionWithoutOperatorsGoesToTheFederalQueue() {
        AnswerUnmatched e = unmatched("77");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, e);
        AppealAssigned a = awaitAssigned(e.appealId());
        assertThat(a.target()).isEqualTo(Target.FEDERAL_QUEUE);
        assertThat(a.operatorId()).isNull();
        assertThat(a.reason()).isEqualTo("UNMATCHED:NO_REGIONAL_OPERATORS");
    }

    @Test
    void regionWithNobodyOnShiftGoesToTheRegionQueue() {
        roster.addIfAbsent("operator50", "50", false).block();
        HumanRequested e = HumanRequested.of(UUID.randomUUID(), "50", "t-50", "Сидоров Пётр Ильич", OrgType.SPO,
                "Нужно ли вести журнал инструктажей?", Instant.now(), "ИИ-ответ, который не помог");
        KafkaProbe.publish(Topics.HUMAN_REQUESTED, e);
        AppealAssigned a = awaitAssigned(e.appealId());
        assertThat(a.target()).isEqualTo(Target.REGION_QUEUE);
        assertThat(a.reason()).isEqualTo("HUMAN_REQUESTED:NO_OPERATOR_ON_SHIFT");
        assertThat(a.aiAnswer()).isEqualTo("ИИ-ответ, который не помог");
        assertThat(operator("operator50").openAppeals()).isZero();
    }

    @Test
    void escalationMovesTheAppealToTheFederalQueueWithTheStoredSnapshot() {
        roster.addIfAbsent("operator61", "61", true).block();
        AnswerUnmatched e = unmatched("61");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, e);
        assertThat(awaitAssigned(e.appealId()).operatorId()).isEqualTo("operator61");
        assertThat(operator("operator61").openAppeals()).isEqualTo(1);

        KafkaProbe.publish(Topics.APPEAL_ESCALATED, AppealEscalated.of(e.appealId(), "61", "operator61",
                "Требуется разъяснение федерального уровня"));
        AppealAssigned federal = KafkaProbe.await(Topics.APPEAL_ASSIGNED,
                a -> a.appealId().equals(e.appealId()) && a.target() == Target.FEDERAL_QUEUE, WAIT);
        assertThat(federal.reason()).isEqualTo("ESCALATED:ESCALATED");
        assertThat(federal.teacherFio()).isEqualTo(e.teacherFio());
        assertThat(federal.text()).isEqualTo(e.text());
        assertThat(federal.aiAnswer()).isEqualTo(e.candidateAnswer());
        assertThat(operator("operator61").openAppeals()).isZero();
    }

    @Test
    void operatorReplyReleasesTheOperator() {
        roster.addIfAbsent("operator62", "62", true).block();
        AnswerUnmatched e = unmatched("62");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, e);
        assertThat(awaitAssigned(e.appealId()).operatorId()).isEqualTo("operator62");
        assertThat(operator("operator62").openAppeals()).isEqualTo(1);

        OperatorReplied reply = OperatorReplied.of(e.appealId(), "62", e.teacherId(), UUID.randomUUID(),
                "operator62", "Ответ специалиста");
        KafkaProbe.publish(Topics.OPERATOR_REPLIED, reply);
        KafkaProbe.publish(Topics.OPERATOR_REPLIED, OperatorReplied.of(e.appealId(), "62", e.teacherId(),
                UUID.randomUUID(), "operator62", "Дополнение к ответу"));
        Awaitility.await().atMost(WAIT).until(() -> operator("operator62").openAppeals() == 0);
        awaitProcessed(reply.eventId());
        assertThat(operator("operator62").openAppeals()).isZero();
    }

    @Test
    void rosterApiNeedsATokenAndAnAllowedRole() {
        web.get().uri("/api/routing/operators").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("Требуется вход: нет действительного токена доступа");
        web.get().uri("/api/routing/operators").header("Authorization", "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized();
        // only operator-service's key is trusted: the same token signed with any other key is refused
        web.get().uri("/api/routing/operators")
                .header("Authorization", "Bearer " + TestJwt.foreignToken("federal", List.of("FEDERAL"), null))
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/routing/operators")
                .header("Authorization", "Bearer " + TestJwt.token("operator58", List.of("OPERATOR"), "58"))
                .exchange().expectStatus().isForbidden();

        web.get().uri("/api/routing/operators")
                .header("Authorization", "Bearer " + TestJwt.token("federal", List.of("FEDERAL"), null))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.username == 'operator58')].region").isEqualTo("58")
                .jsonPath("$[?(@.username == 'operator58')].onShift").isEqualTo(true)
                .jsonPath("$[?(@.username == 'operator33')].regionName").isEqualTo("Владимирская область");

        web.get().uri("/api/routing/operators")
                .header("Authorization", "Bearer " + TestJwt.token("head33", List.of("REGIONAL_HEAD"), "33"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].username").isEqualTo("operator33");
    }

    // ---- shifts ----------------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec asOperator(String method, String username, String region, String uri) {
        String token = TestJwt.token(username, List.of("OPERATOR"), region);
        return web.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .header("Authorization", "Bearer " + token).exchange();
    }

    @Test
    void comingOnShiftTakesTheRegionQueue() {
        roster.addIfAbsent("operator70", "70", false).block();
        AnswerUnmatched first = unmatched("70");
        AnswerUnmatched second = unmatched("70");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, first);
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, second);
        assertThat(awaitAssigned(first.appealId()).target()).isEqualTo(Target.REGION_QUEUE);
        assertThat(awaitAssigned(second.appealId()).target()).isEqualTo(Target.REGION_QUEUE);

        asOperator("GET", "operator70", "70", "/api/routing/shifts/me").expectStatus().isOk().expectBody()
                .jsonPath("$.onRoster").isEqualTo(true)
                .jsonPath("$.onShift").isEqualTo(false)
                .jsonPath("$.offShiftPolicy").isEqualTo("KEEP");
        asOperator("POST", "operator70", "70", "/api/routing/shifts/start").expectStatus().isOk().expectBody()
                .jsonPath("$.onShift").isEqualTo(true)
                .jsonPath("$.movedAppeals").isEqualTo(2)
                .jsonPath("$.openAppeals").isEqualTo(2)
                .jsonPath("$.regionName").isEqualTo("Томская область");

        for (UUID id : List.of(first.appealId(), second.appealId())) {
            AppealAssigned taken = KafkaProbe.await(Topics.APPEAL_ASSIGNED,
                    a -> a.appealId().equals(id) && a.target() == Target.OPERATOR, WAIT);
            assertThat(taken.operatorId()).isEqualTo("operator70");
            assertThat(taken.reason()).isEqualTo("SHIFT_START:QUEUE_TAKEN_ON_SHIFT_START");
            assertThat(taken.teacherFio()).isEqualTo("Петрова Анна Сергеевна"); // the snapshot travels along
        }
        // the queue is empty now: a second start takes nothing, and new appeals go straight to the operator
        asOperator("POST", "operator70", "70", "/api/routing/shifts/start").expectStatus().isOk().expectBody()
                .jsonPath("$.movedAppeals").isEqualTo(0);
        AnswerUnmatched third = unmatched("70");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, third);
        assertThat(awaitAssigned(third.appealId()).operatorId()).isEqualTo("operator70");
    }

    @Test
    void anOperatorCreatedInTheConsoleJoinsTheRosterAndLeavesItWhenDisabled() {
        // a region with nobody: the appeal would go to the federal queue
        KafkaProbe.publish(Topics.STAFF_USER_CHANGED, StaffUserChanged.of("console86", List.of("OPERATOR"), "86", true));
        Awaitility.await().atMost(WAIT).until(() -> roster.find("console86").blockOptional().isPresent());
        assertThat(operator("console86").onShift()).isFalse();
        AnswerUnmatched queued = unmatched("86");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, queued);
        assertThat(awaitAssigned(queued.appealId()).reason()).isEqualTo("UNMATCHED:NO_OPERATOR_ON_SHIFT");

        // on shift: the regional queue is theirs, and so is the next appeal
        asOperator("POST", "console86", "86", "/api/routing/shifts/start").expectStatus().isOk();
        AnswerUnmatched next = unmatched("86");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, next);
        assertThat(awaitAssigned(next.appealId()).operatorId()).isEqualTo("console86");

        // another region, then disabled: off the roster, the region has nobody again
        KafkaProbe.publish(Topics.STAFF_USER_CHANGED, StaffUserChanged.of("console86", List.of("OPERATOR"), "87", true));
        Awaitility.await().atMost(WAIT).until(() -> "87".equals(operator("console86").region()));
        KafkaProbe.publish(Topics.STAFF_USER_CHANGED, StaffUserChanged.of("console86", List.of("OPERATOR"), "87", false));
        Awaitility.await().atMost(WAIT).until(() -> roster.find("console86").blockOptional().isEmpty());
        AnswerUnmatched after = unmatched("87");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, after);
        assertThat(awaitAssigned(after.appealId()).reason()).isEqualTo("UNMATCHED:NO_REGIONAL_OPERATORS");
    }

    @Test
    void anOperatorRoutingHasNeverSeenJoinsTheRosterByComingOnShift() {
        asOperator("GET", "newcomer72", "72", "/api/routing/shifts/me").expectStatus().isOk().expectBody()
                .jsonPath("$.onRoster").isEqualTo(false)
                .jsonPath("$.region").isEqualTo("72");
        asOperator("POST", "newcomer72", "72", "/api/routing/shifts/start").expectStatus().isOk().expectBody()
                .jsonPath("$.onRoster").isEqualTo(true)
                .jsonPath("$.region").isEqualTo("72")
                .jsonPath("$.onShift").isEqualTo(true);
        // the console's audit log hears of it once, with the actor, the action and the region
        StaffActionAudited audited = KafkaProbe.await(Topics.AUDIT_ROUTING, a -> a.actor().equals("newcomer72"), WAIT);
        assertThat(audited.action()).isEqualTo("SHIFT_START");
        assertThat(audited.region()).isEqualTo("72");
        asOperator("POST", "newcomer72", "72", "/api/routing/shifts/end").expectStatus().isOk();
        StaffActionAudited ended = KafkaProbe.await(Topics.AUDIT_ROUTING,
                a -> a.actor().equals("newcomer72") && a.action().equals("SHIFT_END"), WAIT);
        assertThat(ended.region()).isEqualTo("72");
        OutboxProbe.awaitPublished(db, WAIT); // a second entry written with either would be on the topic by now
        assertThat(KafkaProbe.all(Topics.AUDIT_ROUTING, a -> a.actor().equals("newcomer72"))).hasSize(2);
        asOperator("POST", "nobody", null, "/api/routing/shifts/start").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("У вашей учётной записи не указан регион: выйти на смену нельзя");
        asOperator("POST", "stranger", "73", "/api/routing/shifts/end").expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("Оператора stranger нет в реестре: обратитесь к администратору");
    }

    @Test
    void goingOffShiftKeepsTheAppealsByDefault() {
        roster.addIfAbsent("operator74", "74", true).block();
        AnswerUnmatched e = unmatched("74");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, e);
        assertThat(awaitAssigned(e.appealId()).operatorId()).isEqualTo("operator74");

        asOperator("POST", "operator74", "74", "/api/routing/shifts/end").expectStatus().isOk().expectBody()
                .jsonPath("$.onShift").isEqualTo(false)
                .jsonPath("$.movedAppeals").isEqualTo(0)
                .jsonPath("$.openAppeals").isEqualTo(1);
        // nobody on shift now: the next appeal waits in the queue, the kept one stays with the operator
        AnswerUnmatched next = unmatched("74");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, next);
        assertThat(awaitAssigned(next.appealId()).target()).isEqualTo(Target.REGION_QUEUE);
        assertThat(KafkaProbe.all(Topics.APPEAL_ASSIGNED, a -> a.appealId().equals(e.appealId()))).hasSize(1);
        assertThat(db.sql("select count(*) as n from shift_log where username = 'operator74' and action = 'END'")
                .map((r, m) -> r.get("n", Long.class)).one().block()).isEqualTo(1L);
    }

    @Test
    void goingOffShiftWithTheReturnPolicyHandsTheAppealsOn() {
        Shifts returning = new Shifts(roster, flow, tx, outbox, OffShiftPolicy.RETURN);
        roster.addIfAbsent("leaving75", "75", true).block();
        AnswerUnmatched e = unmatched("75");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, e);
        assertThat(awaitAssigned(e.appealId()).operatorId()).isEqualTo("leaving75");
        roster.addIfAbsent("staying75", "75", true).block();

        Shifts.ShiftChange change = returning.end("leaving75", "leaving75").block();
        assertThat(change.movedAppeals()).isEqualTo(1);
        assertThat(change.operator().onShift()).isFalse();
        assertThat(change.operator().openAppeals()).isZero();
        AppealAssigned handedOn = KafkaProbe.await(Topics.APPEAL_ASSIGNED,
                a -> a.appealId().equals(e.appealId()) && "staying75".equals(a.operatorId()), WAIT);
        assertThat(handedOn.reason()).isEqualTo("SHIFT_END:LEAST_LOADED_ON_SHIFT");
        assertThat(operator("staying75").openAppeals()).isEqualTo(1);

        // the last one on shift leaves: the appeal goes to the region's queue, and comes back with the next shift
        Shifts.ShiftChange last = returning.end("staying75", "admin").block();
        assertThat(last.movedAppeals()).isEqualTo(1);
        KafkaProbe.await(Topics.APPEAL_ASSIGNED, a -> a.appealId().equals(e.appealId())
                && a.target() == Target.REGION_QUEUE && a.reason().equals("SHIFT_END:NO_OPERATOR_ON_SHIFT"), WAIT);
        assertThat(returning.start("leaving75", "75", "leaving75").block().movedAppeals()).isEqualTo(1);
    }

    // ---- manual reassignment ---------------------------------------------------------------------------------

    @Test
    void headsReassignmentMovesTheLoadAndIsConfirmed() {
        roster.addIfAbsent("first76", "76", true).block();
        AnswerUnmatched e = unmatched("76");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, e);
        assertThat(awaitAssigned(e.appealId()).operatorId()).isEqualTo("first76");
        roster.addIfAbsent("second76", "76", false).block();
        roster.addIfAbsent("other33", "33", false).block();

        KafkaProbe.publish(Topics.APPEAL_REASSIGNED, AppealReassigned.of(e.appealId(), "76", "first76", "second76",
                "head76", "отпуск"));
        AppealAssigned moved = KafkaProbe.await(Topics.APPEAL_ASSIGNED,
                a -> a.appealId().equals(e.appealId()) && "second76".equals(a.operatorId()), WAIT);
        assertThat(moved.reason()).isEqualTo("REASSIGNED:MANUAL_REASSIGNMENT");
        assertThat(moved.text()).isEqualTo(e.text());
        Awaitility.await().atMost(WAIT).until(() -> operator("second76").openAppeals() == 1);
        assertThat(operator("first76").openAppeals()).isZero();

        // an operator of another region is refused: routing restates the current holder
        KafkaProbe.publish(Topics.APPEAL_REASSIGNED, AppealReassigned.of(e.appealId(), "76", "second76", "other33",
                "head76", null));
        AppealAssigned restated = KafkaProbe.await(Topics.APPEAL_ASSIGNED,
                a -> a.appealId().equals(e.appealId()) && a.reason().equals("REASSIGNED:REASSIGNMENT_REFUSED"), WAIT);
        assertThat(restated.operatorId()).isEqualTo("second76");
        assertThat(operator("other33").openAppeals()).isZero();
        assertThat(operator("second76").openAppeals()).isEqualTo(1);
    }

    @Test
    void shiftAndRosterApiRoles() {
        String federal = TestJwt.token("federal", List.of("FEDERAL"), null);
        String admin = TestJwt.token("admin", List.of("ADMIN"), null);
        String head = TestJwt.token("head58", List.of("REGIONAL_HEAD"), "58");
        web.post().uri("/api/routing/shifts/start").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/routing/shifts/start").header("Authorization", "Bearer " + federal).exchange()
                .expectStatus().isForbidden();
        web.put().uri("/api/routing/operators/op78").header("Authorization", "Bearer " + head)
                .bodyValue(java.util.Map.of("region", "78", "onShift", true)).exchange().expectStatus().isForbidden();

        web.put().uri("/api/routing/operators/op78").header("Authorization", "Bearer " + admin)
                .bodyValue(java.util.Map.of("onShift", true)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Для нового оператора укажите регион");
        web.put().uri("/api/routing/operators/op78").header("Authorization", "Bearer " + admin)
                .bodyValue(java.util.Map.of("region", "99")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Неизвестный код региона: 99");
        web.put().uri("/api/routing/operators/op78").header("Authorization", "Bearer " + admin)
                .bodyValue(java.util.Map.of("region", "78", "onShift", true)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.region").isEqualTo("78").jsonPath("$.onShift").isEqualTo(true);
        web.put().uri("/api/routing/operators/op78").header("Authorization", "Bearer " + admin)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{\"region\":")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Некорректный запрос: проверьте JSON и параметры");
        assertThat(operator("op78").onShift()).isTrue();
        // region 78 has an operator now: its appeals no longer go to the federal queue
        AnswerUnmatched e = unmatched("78");
        KafkaProbe.publish(Topics.ANSWER_UNMATCHED, e);
        assertThat(awaitAssigned(e.appealId()).operatorId()).isEqualTo("op78");
    }
}
