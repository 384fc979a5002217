package ru.rosobr.assistant.intake.dialogue;

import java.util.UUID;

/**
 * What a callback button means. Payloads are created by followup-service (contract):
 * {@code rate:<appealId>:<1-5>}, {@code human:<appealId>} and {@code status:<appealId>}.
 */
public sealed interface ButtonPayload {

    UUID appealId();

    /** «Оценить 1…5». */
    record Rate(UUID appealId, int rating) implements ButtonPayload {
    }

    /** «Не помогло — передать специалисту». */
    record Human(UUID appealId) implements ButtonPayload {
    }

    /** «Статус обращения»: the state and deadline of the teacher's appeals waiting for an answer. */
    record Status(UUID appealId) implements ButtonPayload {
    }

    /** Parses a payload; throws {@link Rejected} with a reason for anything else. */
    static ButtonPayload parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new Rejected("Пустое значение кнопки (payload)");
        }
        String[] parts = payload.trim().split(":", -1);
        switch (parts[0]) {
            case "rate" -> {
                if (parts.length != 3) {
                    throw new Rejected("Кнопка оценки должна иметь вид rate:<номер обращения>:<1-5>");
                }
                int rating;
                try {
                    rating = Integer.parseInt(parts[2]);
                } catch (NumberFormatException e) {
                    throw new Rejected("Оценка должна быть числом от 1 до 5");
                }
                if (rating < 1 || rating > 5) {
                    throw new Rejected("Оценка должна быть числом от 1 до 5");
                }
                return new Rate(appealId(parts[1]), rating);
            }
            case "human" -> {
                if (parts.length != 2) {
                    throw new Rejected("Кнопка передачи специалисту должна иметь вид human:<номер обращения>");
                }
                return new Human(appealId(parts[1]));
            }
            case "status" -> {
                if (parts.length != 2) {
                    throw new Rejected("Кнопка статуса должна иметь вид status:<номер обращения>");
                }
                return new Status(appealId(parts[1]));
            }
            default -> throw new Rejected("Неизвестная кнопка: " + abbreviate(payload));
        }
    }

    private static UUID appealId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new Rejected("Неверный номер обращения в кнопке: " + abbreviate(text));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
