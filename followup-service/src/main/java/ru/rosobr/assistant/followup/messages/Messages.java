package ru.rosobr.assistant.followup.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;

/**
 * What the teacher reads in followup's messages: the texts (in Russian) and the buttons (their payloads are the
 * contract with intake-service, {@link Button}). The AI's answers and declines are written by intake-service
 * itself, straight from answer-service's decisions.
 */
public final class Messages {

    public static final String REMINDER_TEXT = """
            Пожалуйста, оцените ответ на ваш вопрос: насколько он вам помог? Выберите оценку от 1 до 5 — \
            это поможет нам отвечать точнее. Спасибо!""";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Messages() {
    }

    /** Five rating buttons, «⭐ 1» … «⭐ 5». */
    public static List<Button> ratingButtons(UUID appealId) {
        return Button.ratings(appealId);
    }

    public static Button statusButton(UUID appealId) {
        return Button.status(appealId);
    }

    /**
     * The deadline as the teacher reads it: the last day with the year, to its last minute, in the teacher's own
     * region time (the one the deadline was computed in) — «до 14.01.2026 23:59 (время вашего региона)».
     */
    public static String deadlineText(LocalDate deadlineDay) {
        return "до " + DAY.format(deadlineDay) + " 23:59 (время вашего региона)";
    }

    public static String statusText(AppealAssigned.Target target, LocalDate deadline) {
        String who = target == AppealAssigned.Target.FEDERAL_QUEUE
                ? "специалисту Рособрнадзора"
                : "специалисту вашего региона";
        return "Ваш вопрос передан " + who + ", срок ответа — " + deadlineText(deadline) + ".";
    }

    public static String overdueText(LocalDate deadline) {
        return "Приносим извинения: ответ на ваш вопрос задерживается — срок ответа (" + deadlineText(deadline)
                + ") истёк. Обращение на контроле у руководителя региона, специалист ответит вам как можно скорее.";
    }

    public static final String FEDERAL_TEXT = """
            Ваше обращение передано на федеральный контроль — в Рособрнадзор. Ответ подготовит федеральный \
            специалист; мы сразу пришлём его сюда.""";

    public static OutboundMessage status(Instant now, String teacherId, String region, UUID appealId,
                                         AppealAssigned.Target target, LocalDate deadline) {
        return message(now, teacherId, region, appealId, Kind.STATUS, true, statusText(target, deadline),
                List.of(statusButton(appealId)));
    }

    /** Not urgent: the deadline passes at midnight, the teacher reads about it in the morning. */
    public static OutboundMessage overdue(Instant now, String teacherId, String region, UUID appealId,
                                          LocalDate deadline) {
        return message(now, teacherId, region, appealId, Kind.STATUS, false, overdueText(deadline),
                List.of(statusButton(appealId)));
    }

    /** Not urgent: the automatic escalation happens at midnight; the teacher's day is soon enough. */
    public static OutboundMessage federal(Instant now, String teacherId, String region, UUID appealId) {
        return message(now, teacherId, region, appealId, Kind.STATUS, false, FEDERAL_TEXT,
                List.of(statusButton(appealId)));
    }

    /**
     * The first line of a specialist's answer: the teacher learns that the appeal is answered, by whom, and when in
     * their own region time — «Специалист ответил на ваше обращение 12.03.2026 в 14:05 (время вашего региона):».
     */
    public static String answeredHeader(Instant repliedAt, String region) {
        var local = repliedAt.atZone(ru.rosobr.assistant.platform.reference.Regions.zoneOf(region));
        return "Специалист ответил на ваше обращение " + DAY.format(local) + " в " + TIME.format(local)
                + " (время вашего региона):";
    }

    /** The specialist's text under the «answered» line, with the rating buttons. */
    public static String operatorReplyText(String text, Instant repliedAt, String region) {
        return answeredHeader(repliedAt, region) + "\n\n" + text.strip();
    }

    public static OutboundMessage operatorReply(Instant now, String teacherId, String region, UUID appealId,
                                                String text, Instant repliedAt) {
        return message(now, teacherId, region, appealId, Kind.OPERATOR_REPLY, true,
                operatorReplyText(text, repliedAt, region), ratingButtons(appealId));
    }

    /** Not urgent: delivery holds it for the teacher's daytime as well. */
    public static OutboundMessage ratingReminder(Instant now, String teacherId, String region, UUID appealId) {
        return message(now, teacherId, region, appealId, Kind.RATING_REMINDER, false, REMINDER_TEXT,
                ratingButtons(appealId));
    }

    private static OutboundMessage message(Instant now, String teacherId, String region, UUID appealId, Kind kind,
                                           boolean urgent, String text, List<Button> buttons) {
        return new OutboundMessage(UUID.randomUUID(), now, OutboundMessage.VERSION, teacherId, region, appealId, kind,
                urgent, text, buttons);
    }
}
