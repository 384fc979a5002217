package ru.rosobr.assistant.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

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
}
