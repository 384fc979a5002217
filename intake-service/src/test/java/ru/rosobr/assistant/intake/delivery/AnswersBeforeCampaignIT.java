package ru.rosobr.assistant.intake.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;
import ru.rosobr.assistant.intake.IntakeTestBase;
import ru.rosobr.assistant.intake.support.FakeMaxPlatform;
import ru.rosobr.assistant.testkit.KafkaProbe;

/**
 * Answers to teachers go before campaigns within the platform's budget: with 300 campaign messages queued for MAX
 * (30 requests/s: ten seconds of sending), an answer to a teacher is delivered within a couple of rounds, while
 * most of the campaign is still waiting.
 */
class AnswersBeforeCampaignIT extends IntakeTestBase {

    private static final int CAMPAIGN = 300;

    private final FakeMaxPlatform max = FakeMaxPlatform.get();

    @AfterEach
    void clockBack() {
        CLOCK.reset();
    }

    private long campaignAccepted(List<Long> users) {
        return users.stream().mapToLong(u -> max.acceptedMessagesTo(String.valueOf(u)).size()).sum();
    }

    @Test
    void anAnswerOvertakesARunningCampaign() {
        // Tuesday 12:00 in Moscow and Penza: within the day window, the campaign is not held
        CLOCK.setNow(Instant.parse("2026-03-10T09:00:00Z"));
        long base = newUserId();
        StringBuilder registry = new StringBuilder("[");
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < CAMPAIGN; i++) {
            long user = base + i;
            users.add(user);
            registry.append(i == 0 ? "" : ",").append("{\"channel\":\"MAX\",\"platformUserId\":\"").append(user)
                    .append("\",\"fio\":\"Педагог ").append(i).append("\",\"region\":\"58\",\"orgType\":\"SCHOOL\"}");
        }
        importTeachers(registry.append(']').toString());
        long asker = base + CAMPAIGN;
        registerTeacher(Channel.MAX, asker, "Иванова Мария Петровна", "58");

        List<OutboundMessage> campaign = new ArrayList<>();
        for (long user : users) {
            campaign.add(OutboundMessage.of(teacherId(Channel.MAX, user), "58", null, Kind.CAMPAIGN, false,
                    "Уважаемые коллеги! Опрос о документационной нагрузке.", List.of()));
        }
        KafkaProbe.publishAll(Topics.OUTBOUND_MESSAGES, campaign);
        // proof that the campaign is being sent before the answer comes
        await().atMost(WAIT).until(() -> campaignAccepted(users) >= 20);

        OutboundMessage answer = OutboundMessage.of(teacherId(Channel.MAX, asker), "58", null, Kind.AI_ANSWER, true,
                "Тематическое планирование — раздел рабочей программы.", List.of());
        long published = System.nanoTime();
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, answer);
        await().atMost(WAIT).until(() -> !max.acceptedMessagesTo(String.valueOf(asker)).isEmpty());
        long answeredMillis = (System.nanoTime() - published) / 1_000_000;
        long campaignDoneWhenAnswered = campaignAccepted(users);

        assertThat(answeredMillis).as("the answer waited behind the campaign").isLessThan(2_000);
        assertThat(campaignDoneWhenAnswered).as("campaign messages sent before the answer")
                .isLessThan(CAMPAIGN - 150);
        // and the campaign still goes out whole, each teacher once
        await().atMost(WAIT.multipliedBy(2)).until(() -> campaignAccepted(users) == CAMPAIGN);
        assertThat(users).allMatch(u -> max.acceptedMessagesTo(String.valueOf(u)).size() == 1);
    }
}
