package ru.rosobr.assistant.intake.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class ButtonPayloadTest {

    private final UUID appeal = UUID.randomUUID();

    @Test
    void ratingPayloadsAreParsed() {
        for (int n = 1; n <= 5; n++) {
            assertThat(ButtonPayload.parse("rate:" + appeal + ":" + n))
                    .isEqualTo(new ButtonPayload.Rate(appeal, n));
        }
    }

    @Test
    void handOverPayloadIsParsed() {
        assertThat(ButtonPayload.parse("human:" + appeal)).isEqualTo(new ButtonPayload.Human(appeal));
        assertThat(ButtonPayload.parse(" human:" + appeal + " ")).isEqualTo(new ButtonPayload.Human(appeal));
    }

    @Test
    void anythingElseIsRejectedWithAReason() {
        assertThatThrownBy(() -> ButtonPayload.parse(null)).isInstanceOf(Rejected.class).hasMessageContaining("Пуст");
        assertThatThrownBy(() -> ButtonPayload.parse("rate:" + appeal + ":0"))
                .isInstanceOf(Rejected.class).hasMessageContaining("от 1 до 5");
        assertThatThrownBy(() -> ButtonPayload.parse("rate:" + appeal + ":6")).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> ButtonPayload.parse("rate:" + appeal + ":five")).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> ButtonPayload.parse("rate:" + appeal)).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> ButtonPayload.parse("rate:abc:3"))
                .isInstanceOf(Rejected.class).hasMessageContaining("номер обращения");
        assertThatThrownBy(() -> ButtonPayload.parse("human:" + appeal + ":x")).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> ButtonPayload.parse("menu:main"))
                .isInstanceOf(Rejected.class).hasMessageContaining("Неизвестная кнопка");
    }
}
