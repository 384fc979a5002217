package ru.rosobr.assistant.intake.vk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.vk.wire.Keyboard;

class VkSenderTest {

    @Test
    void randomIdIsStablePerMessagePartAndDiffersBetweenThem() {
        UUID message = UUID.randomUUID();
        assertThat(VkSender.randomId(message, 0)).isEqualTo(VkSender.randomId(message, 0)).isPositive();
        assertThat(VkSender.randomId(message, 1)).isNotEqualTo(VkSender.randomId(message, 0));
        assertThat(VkSender.randomId(UUID.randomUUID(), 0)).isNotEqualTo(VkSender.randomId(message, 0));
    }

    @Test
    void keyboardStaysWithinVkInlineLimits() {
        List<Button> regions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            regions.add(new Button("Ханты-Мансийский автономный округ — Югра " + i, "region:set:86"));
        }
        Keyboard keyboard = VkSender.keyboard(regions);
        assertThat(keyboard.inline()).isTrue();
        assertThat(keyboard.buttons().size()).isLessThanOrEqualTo(Keyboard.INLINE_MAX_ROWS);
        assertThat(keyboard.buttons().stream().mapToInt(List::size).sum()).isEqualTo(10);
        assertThat(keyboard.buttons().getFirst().getFirst().action().label()).hasSizeLessThanOrEqualTo(40)
                .endsWith("…");
        assertThat(keyboard.buttons().getFirst().getFirst().action().payload())
                .isEqualTo("{\"p\":\"region:set:86\"}");
    }
}
