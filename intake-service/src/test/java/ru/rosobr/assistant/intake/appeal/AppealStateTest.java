package ru.rosobr.assistant.intake.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;

class AppealStateTest {

    @Test
    void outboundKindsMoveTheAppeal() {
        assertThat(AppealState.after(Kind.AI_ANSWER)).contains(AppealState.ANSWERED_AI);
        assertThat(AppealState.after(Kind.STATUS)).contains(AppealState.ROUTED);
        assertThat(AppealState.after(Kind.OPERATOR_REPLY)).contains(AppealState.ANSWERED);
        assertThat(AppealState.after(Kind.DECLINE)).contains(AppealState.CLOSED);
        assertThat(AppealState.after(Kind.RATING_REMINDER)).isEmpty();
        assertThat(AppealState.after(Kind.CAMPAIGN)).isEmpty();
    }

    @Test
    void statesOnlyMoveForward() {
        assertThat(AppealState.OPEN.predecessors()).isEmpty();
        assertThat(AppealState.ROUTED.predecessors()).containsExactly(AppealState.OPEN, AppealState.ANSWERED_AI);
        // a late AI answer cannot pull a routed or answered appeal back
        assertThat(AppealState.ANSWERED_AI.predecessors()).doesNotContain(AppealState.ROUTED, AppealState.ANSWERED);
        assertThat(AppealState.CLOSED.predecessors()).hasSize(4);
    }
}
