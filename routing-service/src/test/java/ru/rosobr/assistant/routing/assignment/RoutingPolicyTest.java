package ru.rosobr.assistant.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.routing.assignment.RoutingDecision.Rule;

class RoutingPolicyTest {

    private static final Instant T0 = Instant.parse("2025-03-03T06:00:00Z");

    private static Candidate onShift(String username, int open, int idleSinceMinute) {
        return new Candidate(username, true, open, T0.plusSeconds(60L * idleSinceMinute));
    }

    private static Candidate offShift(String username, int open) {
        return new Candidate(username, false, open, T0);
    }

    @Test
    void onShiftOperatorWithFewestOpenAppealsGetsTheAppeal() {
        RoutingDecision d = RoutingPolicy.decide(Trigger.UNMATCHED,
                List.of(onShift("busy", 5, 0), onShift("free", 1, 30), onShift("medium", 3, 0)));
        assertThat(d.target()).isEqualTo(Target.OPERATOR);
        assertThat(d.operatorId()).isEqualTo("free");
        assertThat(d.rule()).isEqualTo(Rule.LEAST_LOADED_ON_SHIFT);
        assertThat(d.reason(Trigger.UNMATCHED)).isEqualTo("UNMATCHED:LEAST_LOADED_ON_SHIFT");
    }

    @Test
    void equalLoadGoesToTheOperatorIdleTheLongest() {
        RoutingDecision d = RoutingPolicy.decide(Trigger.UNMATCHED,
                List.of(onShift("recent", 2, 50), onShift("longIdle", 2, 5), onShift("middle", 2, 20)));
        assertThat(d.operatorId()).isEqualTo("longIdle");
    }

    @Test
    void fullTieIsDecidedTheSameWayEveryTime() {
        RoutingDecision d1 = RoutingPolicy.decide(Trigger.UNMATCHED, List.of(onShift("b", 0, 0), onShift("a", 0, 0)));
        RoutingDecision d2 = RoutingPolicy.decide(Trigger.UNMATCHED, List.of(onShift("a", 0, 0), onShift("b", 0, 0)));
        assertThat(d1.operatorId()).isEqualTo("a").isEqualTo(d2.operatorId());
    }

    @Test
    void operatorsOffShiftAreNotChosenEvenWhenLessLoaded() {
        RoutingDecision d = RoutingPolicy.decide(Trigger.UNMATCHED,
                List.of(offShift("idleButHome", 0), onShift("working", 7, 0)));
        assertThat(d.operatorId()).isEqualTo("working");
    }

    @Test
    void nobodyOnShiftSendsTheAppealToTheRegionQueue() {
        RoutingDecision d = RoutingPolicy.decide(Trigger.UNMATCHED, List.of(offShift("a", 0), offShift("b", 2)));
        assertThat(d.target()).isEqualTo(Target.REGION_QUEUE);
        assertThat(d.operatorId()).isNull();
        assertThat(d.rule()).isEqualTo(Rule.NO_OPERATOR_ON_SHIFT);
    }

    @Test
    void regionWithoutOperatorsSendsTheAppealToTheFederalQueue() {
        RoutingDecision d = RoutingPolicy.decide(Trigger.UNMATCHED, List.of());
        assertThat(d.target()).isEqualTo(Target.FEDERAL_QUEUE);
        assertThat(d.operatorId()).isNull();
        assertThat(d.rule()).isEqualTo(Rule.NO_REGIONAL_OPERATORS);
    }

    @Test
    void escalatedAppealGoesToTheFederalQueueEvenWithOperatorsOnShift() {
        RoutingDecision d = RoutingPolicy.decide(Trigger.ESCALATED, List.of(onShift("working", 0, 0)));
        assertThat(d.target()).isEqualTo(Target.FEDERAL_QUEUE);
        assertThat(d.rule()).isEqualTo(Rule.ESCALATED);
        assertThat(d.reason(Trigger.ESCALATED)).isEqualTo("ESCALATED:ESCALATED");
    }

    @Test
    void handOverRequestIsRoutedLikeAnUnmatchedAppeal() {
        List<Candidate> region = List.of(onShift("x", 4, 0), onShift("y", 2, 0));
        RoutingDecision d = RoutingPolicy.decide(Trigger.HUMAN_REQUESTED, region);
        assertThat(d).isEqualTo(RoutingPolicy.decide(Trigger.UNMATCHED, region));
        assertThat(d.operatorId()).isEqualTo("y");
        assertThat(d.reason(Trigger.HUMAN_REQUESTED)).isEqualTo("HUMAN_REQUESTED:LEAST_LOADED_ON_SHIFT");
        assertThat(RoutingPolicy.decide(Trigger.HUMAN_REQUESTED, List.of()).target())
                .isEqualTo(Target.FEDERAL_QUEUE);
    }

    // ---- shifts ----------------------------------------------------------------------------------------------

    @Test
    void comingOnShiftTakesTheWholeRegionQueueOldestFirst() {
        UUID oldest = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        List<RoutingPolicy.Planned> plan = RoutingPolicy.onShiftStart("arriving", List.of(oldest, newer));
        assertThat(plan).extracting(RoutingPolicy.Planned::appealId).containsExactly(oldest, newer);
        assertThat(plan).allSatisfy(p -> {
            assertThat(p.decision().target()).isEqualTo(Target.OPERATOR);
            assertThat(p.decision().operatorId()).isEqualTo("arriving");
            assertThat(p.decision().rule()).isEqualTo(Rule.QUEUE_TAKEN_ON_SHIFT_START);
            assertThat(p.decision().reason(Trigger.SHIFT_START)).isEqualTo("SHIFT_START:QUEUE_TAKEN_ON_SHIFT_START");
        });
        assertThat(RoutingPolicy.onShiftStart("arriving", List.of())).isEmpty();
    }

    @Test
    void goingOffShiftWithKeepLeavesTheAppealsWithTheOperator() {
        List<RoutingPolicy.Planned> plan = RoutingPolicy.onShiftEnd(OffShiftPolicy.KEEP, "leaving",
                List.of(UUID.randomUUID(), UUID.randomUUID()),
                List.of(onShift("leaving", 2, 0), onShift("colleague", 0, 0)), T0);
        assertThat(plan).isEmpty();
    }

    @Test
    void goingOffShiftWithReturnSpreadsTheAppealsOverColleaguesByLoad() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<RoutingPolicy.Planned> plan = RoutingPolicy.onShiftEnd(OffShiftPolicy.RETURN, "leaving",
                List.of(a, b, c),
                List.of(onShift("leaving", 3, 0), onShift("light", 0, 10), onShift("heavy", 1, 0),
                        offShift("home", 0)),
                T0.plusSeconds(3600));
        // light (0) gets a; then light and heavy both hold 1 — heavy has been idle longer; then light again
        assertThat(plan).extracting(p -> p.decision().operatorId()).containsExactly("light", "heavy", "light");
        assertThat(plan).extracting(RoutingPolicy.Planned::appealId).containsExactly(a, b, c);
        assertThat(plan).allSatisfy(p -> assertThat(p.decision().reason(Trigger.SHIFT_END))
                .isEqualTo("SHIFT_END:LEAST_LOADED_ON_SHIFT"));
    }

    @Test
    void goingOffShiftWithReturnAndNobodyElseOnShiftFillsTheRegionQueueNotTheFederalOne() {
        List<RoutingPolicy.Planned> plan = RoutingPolicy.onShiftEnd(OffShiftPolicy.RETURN, "leaving",
                List.of(UUID.randomUUID()), List.of(onShift("leaving", 1, 0), offShift("home", 0)), T0);
        assertThat(plan).singleElement().satisfies(p -> {
            assertThat(p.decision().target()).isEqualTo(Target.REGION_QUEUE);
            assertThat(p.decision().rule()).isEqualTo(Rule.NO_OPERATOR_ON_SHIFT);
        });
        // even when the roster passed in no longer lists the leaving operator
        assertThat(RoutingPolicy.onShiftEnd(OffShiftPolicy.RETURN, "leaving", List.of(UUID.randomUUID()),
                List.of(), T0).getFirst().decision().target()).isEqualTo(Target.REGION_QUEUE);
    }

    // ---- manual reassignment ---------------------------------------------------------------------------------

    @Test
    void reassignmentGoesToTheChosenOperatorOfTheRegionEvenOffShiftOrBusy() {
        List<Candidate> region = List.of(onShift("free", 0, 0), offShift("chosen", 9));
        RoutingDecision d = RoutingPolicy.reassign("chosen", region).orElseThrow();
        assertThat(d.target()).isEqualTo(Target.OPERATOR);
        assertThat(d.operatorId()).isEqualTo("chosen");
        assertThat(d.reason(Trigger.REASSIGNED)).isEqualTo("REASSIGNED:MANUAL_REASSIGNMENT");
    }

    @Test
    void reassignmentToAnOperatorOutsideTheRegionIsRefused() {
        assertThat(RoutingPolicy.reassign("stranger", List.of(onShift("local", 0, 0)))).isEmpty();
        assertThat(RoutingPolicy.reassign("anyone", List.of())).isEmpty();
    }

    @Test
    void onlyUpstreamTriggersAreOncePerAppeal() {
        assertThat(List.of(Trigger.values())).filteredOn(Trigger::oncePerAppeal)
                .containsExactly(Trigger.UNMATCHED, Trigger.HUMAN_REQUESTED, Trigger.ESCALATED);
    }
}
