package ru.rosobr.assistant.followup.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.OutboundMessage;

class MessagesTest {

    private final UUID appeal = UUID.fromString("11111111-2222-3333-4444-555555555555");

    @Test
    void statusNamesTheDeadlineDayAndMonth() {
        assertThat(Messages.statusText(AppealAssigned.Target.OPERATOR, LocalDate.parse("2026-01-14")))
                .isEqualTo("Ваш вопрос передан специалисту вашего региона, срок ответа — "
                        + "до 14.01.2026 23:59 (время вашего региона).");
        assertThat(Messages.statusText(AppealAssigned.Target.FEDERAL_QUEUE, LocalDate.parse("2026-03-06")))
                .contains("Рособрнадзора").endsWith("до 06.03.2026 23:59 (время вашего региона).");
    }

    @Test
    void operatorReplySaysItIsAnsweredWithTheDateAndTimeOfTheTeachersRegion() {
        // 21:30 UTC on 13.01.2026: still the 13th in Kaliningrad (UTC+2), already the 14th in Kamchatka (UTC+12)
        Instant at = Instant.parse("2026-01-13T21:30:00Z");
        OutboundMessage west = Messages.operatorReply(Instant.EPOCH, "t1", "39", appeal, "  Ответ специалиста. ", at);
        assertThat(west.text()).isEqualTo("Специалист ответил на ваше обращение 13.01.2026 в 23:30 "
                + "(время вашего региона):\n\nОтвет специалиста.");
        assertThat(west.urgent()).isTrue();
        assertThat(west.buttons()).hasSize(5).allMatch(b -> b.payload().startsWith("rate:" + appeal + ":"));
        assertThat(Messages.operatorReply(Instant.EPOCH, "t1", "41", appeal, "Ответ.", at).text())
                .startsWith("Специалист ответил на ваше обращение 14.01.2026 в 09:30 (время вашего региона):");
    }

    @Test
    void reminderIsNotUrgentAndOffersRatings() {
        OutboundMessage m = Messages.ratingReminder(Instant.EPOCH, "t1", "58", appeal);
        assertThat(m.urgent()).isFalse();
        assertThat(m.text()).startsWith("Пожалуйста, оцените ответ на ваш вопрос");
        assertThat(m.buttons()).hasSize(5).allMatch(b -> b.payload().startsWith("rate:" + appeal + ":"));
    }
}
