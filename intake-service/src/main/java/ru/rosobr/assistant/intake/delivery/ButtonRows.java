package ru.rosobr.assistant.intake.delivery;

import java.util.ArrayList;
import java.util.List;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;

/**
 * Lays callback buttons out in rows for a messenger keyboard: short ones (the ratings «⭐ 1»…«⭐ 5») side by side,
 * up to five in a row; longer ones («Не помогло — передать специалисту», region names) each on its own row.
 */
public final class ButtonRows {

    static final int SHORT = 4;
    static final int PER_ROW = 5;

    private ButtonRows() {
    }

    public static List<List<Button>> layout(List<Button> buttons) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> shortRow = new ArrayList<>();
        for (Button b : buttons) {
            if (b.text().codePointCount(0, b.text().length()) <= SHORT) {
                shortRow.add(b);
                if (shortRow.size() == PER_ROW) {
                    rows.add(List.copyOf(shortRow));
                    shortRow.clear();
                }
                continue;
            }
            if (!shortRow.isEmpty()) {
                rows.add(List.copyOf(shortRow));
                shortRow.clear();
            }
            rows.add(List.of(b));
        }
        if (!shortRow.isEmpty()) {
            rows.add(List.copyOf(shortRow));
        }
        return rows;
    }
}
