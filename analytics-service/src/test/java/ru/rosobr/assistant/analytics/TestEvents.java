package ru.rosobr.assistant.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.contracts.events.RatingReminderDue;

/** Events as their writers publish them, at a chosen time. */
final class TestEvents {

    private TestEvents() {
    }

    static AppealReceived received(UUID a, String region, Instant at) {
        return new AppealReceived(UUID.randomUUID(), at, 1, a, region, "t-" + a, Channel.WEBCHAT, "Иванова М. П.",
                OrgType.SCHOOL, "Вопрос", UUID.randomUUID());
    }

    static AnswerMatched matched(UUID a, String region, Instant at) {
        return matched(a, region, at, "ktp");
    }

    static AnswerMatched matched(UUID a, String region, Instant at, String topic) {
        return new AnswerMatched(UUID.randomUUID(), at, 1, a, region, "t-" + a, topic, topic + "-1", 1, 0.9, "Ответ",
                null);
    }

    static AnswerUnmatched unmatched(UUID a, String region, Instant at) {
        return unmatched(a, region, at, null);
    }

    static AnswerUnmatched unmatched(UUID a, String region, Instant at, String candidateTopic) {
        return new AnswerUnmatched(UUID.randomUUID(), at, 1, a, region, "t-" + a, "Иванова М. П.", OrgType.SCHOOL,
                "Вопрос", at, candidateTopic, null, null, 0.1);
    }

    static AppealOffTopic offTopic(UUID a, String region, Instant at) {
        return new AppealOffTopic(UUID.randomUUID(), at, 1, a, region, "t-" + a, 0.0);
    }

    static HumanRequested humanRequested(UUID a, String region, Instant at) {
        return new HumanRequested(UUID.randomUUID(), at, 1, a, region, "t-" + a, "Иванова М. П.", OrgType.SCHOOL,
                "Вопрос", at, "Ответ");
    }

    static AppealAssigned assigned(UUID a, String region, Instant at) {
        return new AppealAssigned(UUID.randomUUID(), at, 1, a, region, AppealAssigned.Target.OPERATOR,
                "operator" + region, "on shift", "t-" + a, "Иванова М. П.", OrgType.SCHOOL, "Вопрос", at, null, null,
                0.1);
    }

    static OperatorReplied replied(UUID a, String region, Instant at) {
        return new OperatorReplied(UUID.randomUUID(), at, 1, a, region, "t-" + a, UUID.randomUUID(),
                "operator" + region, "Ответ специалиста");
    }

    static AiJudged judged(UUID a, String region, Instant at, AiJudged.Verdict verdict) {
        return new AiJudged(UUID.randomUUID(), at, 1, a, region, "operator" + region, verdict, null, "ktp-1");
    }

    static AppealRated rated(UUID a, String region, Instant at, int rating) {
        return new AppealRated(UUID.randomUUID(), at, 1, a, region, "t-" + a, rating);
    }

    static RatingReminderDue reminder(UUID a, String region, Instant at) {
        return new RatingReminderDue(UUID.randomUUID(), at, 1, a, region, "t-" + a);
    }

    static AppealOverdue overdue(UUID a, String region, Instant at) {
        return new AppealOverdue(UUID.randomUUID(), at, 1, a, region, at.minusSeconds(60));
    }

    static AppealEscalated escalated(UUID a, String region, Instant at) {
        return new AppealEscalated(UUID.randomUUID(), at, 1, a, region, "head" + region, "не решено в регионе");
    }

    static KbEntryPublished published(String entryId, int version, String topic, Instant at) {
        return new KbEntryPublished(UUID.randomUUID(), at, 1, entryId, version, topic, "Вопрос " + entryId,
                List.of(), "Ответ", null, KbEntryPublished.Audience.ALL, "kbeditor", null);
    }
}
