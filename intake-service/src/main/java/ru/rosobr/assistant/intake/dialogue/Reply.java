package ru.rosobr.assistant.intake.dialogue;

import java.util.UUID;

/**
 * The assistant's immediate answer to a button press, shown by the channel (web chat: stored as an OUT message;
 * MAX: the callback answer).
 *
 * @param emitted whether the press produced an event (false for a repeated press)
 */
public record Reply(UUID appealId, String text, boolean emitted) {

    public static final String THANKS_FOR_RATING = "Спасибо за оценку!";
    public static final String ALREADY_RATED = "Вы уже оценили этот ответ. Спасибо!";
    public static final String HANDED_OVER =
            "Передаём ваш вопрос специалисту вашего региона. Срок ответа сообщим отдельным сообщением.";
    public static final String ALREADY_HANDED_OVER =
            "Ваш вопрос уже передан специалисту. Ответ придёт в этот чат.";
}
