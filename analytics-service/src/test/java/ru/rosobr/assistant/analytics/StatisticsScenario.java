package ru.rosobr.assistant.analytics;

import static ru.rosobr.assistant.analytics.TestEvents.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.analytics.summary.CampaignRates;
import ru.rosobr.assistant.analytics.summary.Figures;
import ru.rosobr.assistant.analytics.summary.KbGrowth;
import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.Topic;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundDelivery.Status;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;

/**
 * Six appeals of one Moscow day in regions 58 and 33 (AI answers, a question passed to a specialist, an off-topic
 * one, ratings replaced, an appeal whose answer is published before its receipt) and three KB publications, with
 * the figures they must give. Times to answer are chosen inside known histogram buckets, so the estimates are exact.
 * Besides, the delivery outcomes of five campaign messages (VK and MAX, a retry, a repeated read report) and two
 * outcomes that are not counted (an answer's delivery, a read without a region).
 */
final class StatisticsScenario {

    interface Sink {
        <T extends Event> void publish(Topic<T> topic, T event);
    }

    final LocalDate day;
    private final Instant t;

    /** {@code day} at 12:00 Moscow time. */
    StatisticsScenario(LocalDate day) {
        this.day = day;
        this.t = day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    void publish(Sink sink) {
        UUID p1 = UUID.randomUUID();
        UUID p2 = UUID.randomUUID();
        UUID p3 = UUID.randomUUID();
        UUID p4 = UUID.randomUUID();
        UUID p5 = UUID.randomUUID();
        UUID p6 = UUID.randomUUID();
        // p1 (58): the AI answers in 4 s, rated 5; its receipt is delivered twice
        var p1Received = received(p1, "58", t);
        sink.publish(Topics.APPEAL_RECEIVED, p1Received);
        sink.publish(Topics.APPEAL_RECEIVED, p1Received);
        sink.publish(Topics.ANSWER_MATCHED, matched(p1, "58", t.plusSeconds(4), "ktp"));
        sink.publish(Topics.APPEAL_RATED, rated(p1, "58", t.plusSeconds(60), 5));
        // p2 (58): the AI answers in 20 s, the teacher asks for a specialist, who answers at 600 s; judged correct;
        // rated 3, then 4
        sink.publish(Topics.APPEAL_RECEIVED, received(p2, "58", t));
        sink.publish(Topics.ANSWER_MATCHED, matched(p2, "58", t.plusSeconds(20), "ktp"));
        sink.publish(Topics.HUMAN_REQUESTED, humanRequested(p2, "58", t.plusSeconds(30)));
        sink.publish(Topics.APPEAL_ASSIGNED, assigned(p2, "58", t.plusSeconds(31)));
        sink.publish(Topics.OPERATOR_REPLIED, replied(p2, "58", t.plusSeconds(600)));
        sink.publish(Topics.OPERATOR_REPLIED, replied(p2, "58", t.plusSeconds(900)));
        sink.publish(Topics.AI_JUDGED, judged(p2, "58", t.plusSeconds(601), AiJudged.Verdict.CORRECT));
        sink.publish(Topics.APPEAL_RATED, rated(p2, "58", t.plusSeconds(700), 3));
        sink.publish(Topics.APPEAL_RATED, rated(p2, "58", t.plusSeconds(1000), 4));
        // p3 (58): no verified answer (candidate topic «vacation»), a specialist answers at 3000 s; the AI's
        // candidate judged wrong; overdue; rated 1
        sink.publish(Topics.APPEAL_RECEIVED, received(p3, "58", t));
        sink.publish(Topics.ANSWER_UNMATCHED, unmatched(p3, "58", t.plusSeconds(1), "vacation"));
        sink.publish(Topics.APPEAL_ASSIGNED, assigned(p3, "58", t.plusSeconds(2)));
        sink.publish(Topics.OPERATOR_REPLIED, replied(p3, "58", t.plusSeconds(3000)));
        sink.publish(Topics.AI_JUDGED, judged(p3, "58", t.plusSeconds(3001), AiJudged.Verdict.WRONG));
        sink.publish(Topics.APPEAL_OVERDUE, overdue(p3, "58", t.plusSeconds(3100)));
        sink.publish(Topics.APPEAL_RATED, rated(p3, "58", t.plusSeconds(3200), 1));
        // p4 (33): off topic
        sink.publish(Topics.APPEAL_RECEIVED, received(p4, "33", t));
        sink.publish(Topics.APPEAL_OFFTOPIC, offTopic(p4, "33", t.plusSeconds(1)));
        // p5 (33): the AI answers in 8 s (topic «vacation»), rated 2
        sink.publish(Topics.APPEAL_RECEIVED, received(p5, "33", t));
        sink.publish(Topics.ANSWER_MATCHED, matched(p5, "33", t.plusSeconds(8), "vacation"));
        sink.publish(Topics.APPEAL_RATED, rated(p5, "33", t.plusSeconds(100), 2));
        // p6 (33): the AI's answer (50 s) is consumed before the receipt
        sink.publish(Topics.ANSWER_MATCHED, matched(p6, "33", t.plusSeconds(50), "ktp"));
        sink.publish(Topics.APPEAL_RECEIVED, received(p6, "33", t));
        // the KB: a new entry and its second version under «ktp» (that version published twice), one under «vacation»
        sink.publish(Topics.KB_ENTRY_PUBLISHED, published("kb-" + day + "-x", 1, "ktp", t));
        sink.publish(Topics.KB_ENTRY_PUBLISHED, published("kb-" + day + "-x", 2, "ktp", t.plusSeconds(10)));
        sink.publish(Topics.KB_ENTRY_PUBLISHED, published("kb-" + day + "-x", 2, "ktp", t.plusSeconds(11)));
        sink.publish(Topics.KB_ENTRY_PUBLISHED, published("kb-" + day + "-y", 1, "vacation", t.plusSeconds(20)));

        // campaign messages: c1 (58, VK) delivered and read, the read reported twice; c2 (58, VK) failed, then
        // delivered on a retry; c3 (58, MAX) delivered (MAX reports no reads); c4 (33, MAX) failed for good;
        // c5 (33, VK) held, delivered, read
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        UUID c4 = UUID.randomUUID();
        UUID c5 = UUID.randomUUID();
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c1, "58", Channel.VK, Status.DELIVERED, Kind.CAMPAIGN, 100));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c1, "58", Channel.VK, Status.READ, Kind.CAMPAIGN, 200));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c1, "58", Channel.VK, Status.READ, Kind.CAMPAIGN, 300));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c2, "58", Channel.VK, Status.FAILED, Kind.CAMPAIGN, 100));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c2, "58", Channel.VK, Status.DELIVERED, Kind.CAMPAIGN, 110));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c3, "58", Channel.MAX, Status.DELIVERED, Kind.CAMPAIGN, 100));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c4, "33", Channel.MAX, Status.FAILED, Kind.CAMPAIGN, 100));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c5, "33", Channel.VK, Status.HELD, Kind.CAMPAIGN, 10));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c5, "33", Channel.VK, Status.DELIVERED, Kind.CAMPAIGN, 100));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(c5, "33", Channel.VK, Status.READ, Kind.CAMPAIGN, 400));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(p1, "58", Channel.VK, Status.DELIVERED, Kind.AI_ANSWER, 5));
        sink.publish(Topics.OUTBOUND_DELIVERY, outcome(UUID.randomUUID(), null, Channel.VK, Status.READ,
                Kind.CAMPAIGN, 500));
    }

    /** A delivery outcome of a message to a teacher, {@code seconds} after the scenario's noon. */
    private OutboundDelivery outcome(UUID message, String region, Channel channel, Status status, Kind kind,
                                     long seconds) {
        return new OutboundDelivery(UUID.randomUUID(), t.plusSeconds(seconds), OutboundDelivery.VERSION, message,
                "teacher-" + message, null, channel, status, status == Status.FAILED ? "ошибка платформы" : null, 1,
                region, kind);
    }

    /** Campaign rates: the country first, then 33 and 58. */
    List<CampaignRates> campaigns() {
        return List.of(
                new CampaignRates(null, "Все регионы", 5, 4, 1, 3, 2, 0.8, 0.6667, CampaignRates.READ_NOTE),
                new CampaignRates("33", "Владимирская область", 2, 1, 1, 1, 1, 0.5, 1.0, CampaignRates.READ_NOTE),
                new CampaignRates("58", "Пензенская область", 3, 3, 0, 2, 1, 1.0, 0.5, CampaignRates.READ_NOTE));
    }

    // Bucket estimates: FIRST = 4 (1..2..5], 20 (10..30], 3000 (1800..3600], 8 (5..10], 50 (30..60];
    // SPECIALIST = 600 (300..600], 3000 (1800..3600]. Median and p90 interpolate inside the bucket of the rank.

    List<Figures> daily() {
        return List.of(new Figures(day.toString(), null, day, 6, 4, 1, 1, 2, 2, 1, 1, 0, 1, 0, 1, 3.0, 4,
                List.of(1L, 1L, 0L, 1L, 1L), 20L, 2700L, 600L, 3240L));
    }

    List<Figures> regions() {
        return List.of(
                new Figures("33", "Владимирская область", null, 3, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2.0, 1,
                        List.of(0L, 1L, 0L, 0L, 0L), 10L, 54L, null, null),
                new Figures("58", "Пензенская область", null, 3, 2, 1, 1, 2, 2, 0, 1, 0, 1, 0, 1, 3.33, 3,
                        List.of(1L, 0L, 0L, 1L, 1L), 20L, 3060L, 600L, 3240L));
    }

    /** Per topic the times are exact percentiles (percentile_cont) over the appeals. */
    List<Figures> topics() {
        return List.of(
                new Figures("ktp", null, null, 3, 3, 0, 1, 1, 1, 0, 0, 0, 1, 0, 0, 4.5, 2,
                        List.of(0L, 0L, 0L, 1L, 1L), 20L, 44L, 600L, 600L),
                new Figures("vacation", null, null, 2, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1.5, 2,
                        List.of(1L, 1L, 0L, 0L, 0L), 1504L, 2701L, 3000L, 3000L));
    }

    List<Figures> topicsOf58() {
        return List.of(
                new Figures("ktp", null, null, 2, 2, 0, 1, 1, 1, 0, 0, 0, 1, 0, 0, 4.5, 2,
                        List.of(0L, 0L, 0L, 1L, 1L), 12L, 18L, 600L, 600L),
                new Figures("vacation", null, null, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1.0, 1,
                        List.of(1L, 0L, 0L, 0L, 0L), 3000L, 3000L, 3000L, 3000L));
    }

    List<KbGrowth> kbGrowth() {
        return List.of(new KbGrowth(day, "ktp", 1, 1), new KbGrowth(day, "vacation", 1, 0));
    }
}
