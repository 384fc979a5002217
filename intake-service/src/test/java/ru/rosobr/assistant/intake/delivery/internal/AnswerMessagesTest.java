package ru.rosobr.assistant.intake.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.OutboundMessage;

class AnswerMessagesTest {

    private final UUID appeal = UUID.fromString("11111111-2222-3333-4444-555555555555");

    private AnswerMatched matched(String teacherId, String text, String basis) {
        return new AnswerMatched(UUID.randomUUID(), Instant.EPOCH, AnswerMatched.VERSION, appeal, "58", teacherId,
                "ktp", "ktp-1", 1, 0.9, text, basis);
    }

    @Test
    void legalBasisIsAddedOnlyWhenTheAnswerDoesNotNameIt() {
        String basis = "ч. 6.2 ст. 47 Федерального закона № 273-ФЗ";
        assertThat(AnswerMessages.answerText("Нет, не обязан.", basis))
                .isEqualTo("Нет, не обязан.\n\nОснование: " + basis);
        assertThat(AnswerMessages.answerText("Нет, не обязан. Основание: ч. 6.2 ст. 47  Федерального закона № 273-ФЗ.",
                basis)).doesNotContain("\n\nОснование");
        assertThat(AnswerMessages.answerText("Нет.", null)).isEqualTo("Нет.");
    }

    @Test
    void aiAnswerIsTheDecisionItselfWithFiveRatingsAndTheHandOver() {
        AnswerMatched e = matched("t1", "Ответ", null);
        OutboundMessage m = AnswerMessages.answers(List.of(e)).getFirst();
        // the decision's event id: the same decision read twice is the same message, delivered once
        assertThat(m.eventId()).isEqualTo(e.eventId());
        assertThat(m.kind()).isEqualTo(OutboundMessage.Kind.AI_ANSWER);
        assertThat(m.urgent()).isTrue();
        assertThat(m.teacherId()).isEqualTo("t1");
        assertThat(m.appealId()).isEqualTo(appeal);
        assertThat(m.buttons()).hasSize(6);
        assertThat(m.buttons().subList(0, 5)).extracting(OutboundMessage.Button::payload).containsExactly(
                "rate:" + appeal + ":1", "rate:" + appeal + ":2", "rate:" + appeal + ":3", "rate:" + appeal + ":4",
                "rate:" + appeal + ":5");
        assertThat(m.buttons().get(5).text()).isEqualTo("Не помогло — передать специалисту");
        assertThat(m.buttons().get(5).payload()).isEqualTo("human:" + appeal);
    }

    @Test
    void declineExplainsTheScope() {
        AppealOffTopic e = new AppealOffTopic(UUID.randomUUID(), Instant.EPOCH, AppealOffTopic.VERSION, appeal, "58",
                "t1", 0.01);
        OutboundMessage m = AnswerMessages.declines(List.of(e)).getFirst();
        assertThat(m.eventId()).isEqualTo(e.eventId());
        assertThat(m.kind()).isEqualTo(OutboundMessage.Kind.DECLINE);
        assertThat(m.urgent()).isTrue();
        assertThat(m.text()).startsWith("Извините").contains("документационной нагрузки педагогов");
        assertThat(m.buttons()).isEmpty();
    }

    @Test
    void aDecisionWithoutATeacherHasNobodyToGoTo() {
        assertThat(AnswerMessages.answers(List.of(matched(null, "Ответ", null), matched("t2", "Ответ", null))))
                .extracting(OutboundMessage::teacherId).containsExactly("t2");
    }
}
