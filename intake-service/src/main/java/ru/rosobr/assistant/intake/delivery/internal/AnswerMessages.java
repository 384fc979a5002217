package ru.rosobr.assistant.intake.delivery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;

/**
 * What the teacher reads when answer-service decides: the verified answer with the rating and hand-over buttons,
 * or the one polite decline. The message id is the decision's event id, so a decision read twice is one message.
 */
public final class AnswerMessages {

    private static final Logger log = LoggerFactory.getLogger(AnswerMessages.class);

    public static final String DECLINE_TEXT = """
            Извините, на этот вопрос я ответить не смогу. Я помогаю только с вопросами документационной нагрузки \
            педагогов: какие документы учитель, воспитатель или преподаватель обязан вести (рабочие программы, \
            журналы, планы, отчёты, характеристики), а какие требовать от него не вправе. Если у вас есть такой \
            вопрос — напишите его, пожалуйста, и я постараюсь помочь.""";

    private AnswerMessages() {
    }

    public static List<OutboundMessage> answers(List<AnswerMatched> run) {
        List<OutboundMessage> messages = new ArrayList<>(run.size());
        for (AnswerMatched e : run) {
            if (addressed(e.teacherId(), "appeal.answer.matched", e.appealId())) {
                messages.add(answer(e));
            }
        }
        return messages;
    }

    public static List<OutboundMessage> declines(List<AppealOffTopic> run) {
        List<OutboundMessage> messages = new ArrayList<>(run.size());
        for (AppealOffTopic e : run) {
            if (addressed(e.teacherId(), "appeal.offtopic", e.appealId())) {
                messages.add(new OutboundMessage(e.eventId(), e.occurredAt(), OutboundMessage.VERSION, e.teacherId(),
                        e.region(), e.appealId(), Kind.DECLINE, true, DECLINE_TEXT, List.of()));
            }
        }
        return messages;
    }

    /** Five ratings and «Не помогло — передать специалисту». */
    static OutboundMessage answer(AnswerMatched e) {
        List<Button> buttons = new ArrayList<>(Button.ratings(e.appealId()));
        buttons.add(Button.handOver(e.appealId()));
        return new OutboundMessage(e.eventId(), e.occurredAt(), OutboundMessage.VERSION, e.teacherId(), e.region(),
                e.appealId(), Kind.AI_ANSWER, true, answerText(e.answerText(), e.legalBasis()), buttons);
    }

    /** The verified answer, with its legal basis when the answer text does not already name it. */
    static String answerText(String answerText, String legalBasis) {
        String text = answerText.strip();
        if (legalBasis == null || legalBasis.isBlank() || normalized(text).contains(normalized(legalBasis))) {
            return text;
        }
        return text + "\n\nОснование: " + legalBasis.strip();
    }

    /** A decision without a teacher (an appeal from before teachers were recorded) has nobody to go to. */
    private static boolean addressed(String teacherId, String topic, UUID appealId) {
        if (teacherId == null || teacherId.isBlank()) {
            log.warn("{} for appeal {} has no teacherId; no message can be sent", topic, appealId);
            return false;
        }
        return true;
    }

    private static String normalized(String s) {
        return s.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
