package ru.rosobr.assistant.intake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;

class ButtonRowsTest {

    @Test
    void ratingsShareARowAndTheHandOverHasItsOwn() {
        List<Button> buttons = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            buttons.add(new Button("⭐ " + n, "rate:a:" + n));
        }
        buttons.add(new Button("Не помогло — передать специалисту", "human:a"));
        List<List<Button>> rows = ButtonRows.layout(buttons);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).hasSize(5);
        assertThat(rows.get(1)).extracting(Button::payload).containsExactly("human:a");
    }

    @Test
    void longLabelsAreOnePerRow() {
        List<List<Button>> rows = ButtonRows.layout(List.of(new Button("Пензенская область", "region:set:58"),
                new Button("Москва", "region:set:77")));
        assertThat(rows).hasSize(2);
    }
}
