package ru.rosobr.assistant.intake.dialogue;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ru.rosobr.assistant.intake.appeal.AppealStanding;
import ru.rosobr.assistant.intake.appeal.AppealState;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * «Статус обращения»: what the bot says about the teacher's appeals still waiting for an answer. The words come
 * from the teacher, the facts from intake's own appeals (their deadline as followup-service reported it).
 */
public final class StatusReport {

    /** The button under status messages; its payload is {@code status:<appealId>} (followup-service). */
    public static final String BUTTON_TEXT = "Статус обращения";

    public static final String NOTHING_WAITING = """
            Сейчас у вас нет обращений, которые ждут ответа. Если у вас есть вопрос о документационной нагрузке — \
            напишите его, и я постараюсь помочь.""";

    /** How many appeals one answer lists. */
    public static final int LIMIT = 5;

    private static final Set<String> COMMANDS = Set.of("статус", "статус обращения", "статус обращений",
            "где мой ответ", "где ответ", "где мой ответ?");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int QUOTE = 60;

    private StatusReport() {
    }

    /** «статус», «Статус обращения», «где мой ответ?» — asking where the appeals stand, not a new question. */
    public static boolean isRequest(String text) {
        if (text == null) {
            return false;
        }
        String words = text.toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("[\\p{Punct}«»…—–]+", " ").replaceAll("\\s+", " ").strip();
        return COMMANDS.contains(words);
    }

    public static String text(List<AppealStanding> waiting) {
        if (waiting.isEmpty()) {
            return NOTHING_WAITING;
        }
        StringBuilder out = new StringBuilder(waiting.size() == 1 ? "Ваше обращение:" : "Ваши обращения:");
        for (AppealStanding a : waiting) {
            out.append("\n\n• ").append(quote(a)).append(" — ").append(where(a));
        }
        return out.toString();
    }

    /** Nothing waits, and the latest appeal is answered: where the answer is. */
    public static String answered(AppealStanding last) {
        return "Сейчас у вас нет обращений, которые ждут ответа. На ваше обращение " + quote(last)
                + " специалист уже ответил — ответ есть выше в этом чате. Если он не помог, напишите, пожалуйста, "
                + "новый вопрос.";
    }

    private static String quote(AppealStanding a) {
        String q = a.question().strip().replaceAll("\\s+", " ");
        String day = a.createdAt() == null ? "" : "от " + DAY.format(a.createdAt().atZone(Regions.zoneOf(a.region())))
                + " ";
        return day + "«" + (q.length() <= QUOTE ? q : q.substring(0, QUOTE) + "…") + "»";
    }

    private static String where(AppealStanding a) {
        String deadline = a.deadlineDay() == null ? ""
                : "до " + DAY.format(a.deadlineDay()) + " 23:59 (время вашего региона)";
        String stage = a.slaStage() == null ? "" : a.slaStage();
        return switch (stage) {
            case "WARNING" -> "у специалиста вашего региона; срок ответа истекает сегодня — " + deadline + ".";
            case "OVERDUE", "ESCALATION_DUE" -> "ответ задерживается (срок был " + deadline + "); обращение на "
                    + "контроле у руководителя региона, специалист ответит как можно скорее.";
            case "FEDERAL" -> "на федеральном контроле в Рособрнадзоре; ответ подготовит федеральный специалист.";
            case "DEADLINE_SET" -> "у специалиста вашего региона; срок ответа — " + deadline + ".";
            default -> a.state() == AppealState.OPEN && a.slaStage() == null
                    ? "принято, ответ готовится."
                    : "передано специалисту; срок ответа сообщим отдельным сообщением.";
        };
    }
}
