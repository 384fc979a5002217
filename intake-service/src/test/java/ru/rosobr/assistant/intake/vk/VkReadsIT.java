package ru.rosobr.assistant.intake.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Kind;
import ru.rosobr.assistant.intake.IntakeTestBase;
import ru.rosobr.assistant.intake.support.FakeVkApi;
import ru.rosobr.assistant.intake.support.Updates;
import ru.rosobr.assistant.testkit.KafkaProbe;

/**
 * Reads reported by VK (Callback API {@code message_read}): the campaign messages up to the read message id are
 * marked read once and announced as READ on outbound.delivery, with region and kind; answers are not announced.
 */
class VkReadsIT extends IntakeTestBase {

    private final FakeVkApi vk = FakeVkApi.get();

    @AfterEach
    void clockBack() {
        CLOCK.reset();
    }

    private static String eventId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private OutboundMessage deliver(String teacher, Kind kind, boolean urgent, String text) {
        OutboundMessage m = OutboundMessage.of(teacher, "58", null, kind, urgent, text, List.of());
        KafkaProbe.publish(Topics.OUTBOUND_MESSAGES, m);
        OutboundDelivery d = KafkaProbe.await(Topics.OUTBOUND_DELIVERY, x -> x.messageId().equals(m.eventId())
                && x.status() == OutboundDelivery.Status.DELIVERED, WAIT);
        assertThat(d.region()).isEqualTo("58");
        assertThat(d.kind()).isEqualTo(kind);
        return m;
    }

    private long vkId(long user, String text) {
        return vk.shownTo(String.valueOf(user)).stream().filter(s -> s.text().equals(text)).findFirst()
                .orElseThrow().messageId();
    }

    @Test
    void aReadMarksTheCampaignMessagesUpToItOnceAndAnnouncesThem() {
        // Tuesday 12:00 in Penza: campaign messages are not held
        CLOCK.setNow(Instant.parse("2026-03-10T09:00:00Z"));
        long user = newUserId();
        registerTeacher(Channel.VK, user, "Орлова Анна Сергеевна", "58");
        await().atMost(WAIT).until(() -> teacherId(Channel.VK, user) != null);
        String teacher = teacherId(Channel.VK, user);

        List<OutboundMessage> campaign = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            campaign.add(deliver(teacher, Kind.CAMPAIGN, false, "Рассылка " + i + " " + UUID.randomUUID()));
        }
        OutboundMessage answer = deliver(teacher, Kind.AI_ANSWER, true, "Ответ " + UUID.randomUUID());
        assertThat(count("select count(*) from outbound_deliveries where teacher_id = :p0 "
                + "and platform_message_id is not null", teacher)).isEqualTo(4);

        // read up to the second campaign message: the first two are read, the third is not
        long second = vkId(user, campaign.get(1).text());
        String event = eventId();
        postVk(Updates.vkMessageRead(event, user, second, VK_SECRET)).expectStatus().isOk()
                .expectBody(String.class).isEqualTo("ok");
        for (OutboundMessage m : campaign.subList(0, 2)) {
            OutboundDelivery read = KafkaProbe.await(Topics.OUTBOUND_DELIVERY, x -> x.messageId().equals(m.eventId())
                    && x.status() == OutboundDelivery.Status.READ, WAIT);
            assertThat(read.region()).isEqualTo("58");
            assertThat(read.kind()).isEqualTo(Kind.CAMPAIGN);
            assertThat(read.channel()).isEqualTo(Channel.VK);
        }
        await().atMost(WAIT).until(() -> count("select count(*) from inbound_updates where channel = 'VK' "
                + "and dedup_key = :p0 and status = 'DONE'", "event:" + event) == 1);
        assertThat(count("select count(*) from outbound_deliveries where teacher_id = :p0 and read_at is not null",
                teacher)).isEqualTo(2);

        // the same notification again, and a read of everything: only the third campaign message is new; the
        // answer is marked nowhere (reads are counted for campaigns)
        postVk(Updates.vkMessageRead(event, user, second, VK_SECRET)).expectStatus().isOk();
        String all = eventId();
        postVk(Updates.vkMessageRead(all, user, vkId(user, answer.text()), VK_SECRET)).expectStatus().isOk();
        KafkaProbe.await(Topics.OUTBOUND_DELIVERY, x -> x.messageId().equals(campaign.get(2).eventId())
                && x.status() == OutboundDelivery.Status.READ, WAIT);
        await().atMost(WAIT).until(() -> count("select count(*) from inbound_updates where channel = 'VK' "
                + "and dedup_key = :p0 and status = 'DONE'", "event:" + all) == 1);
        assertThat(count("select count(*) from outbound_deliveries where teacher_id = :p0 and read_at is not null",
                teacher)).isEqualTo(3);
        // every campaign message announced READ exactly once; the answer never
        List<OutboundDelivery> reads = KafkaProbe.all(Topics.OUTBOUND_DELIVERY,
                x -> teacher.equals(x.teacherId()) && x.status() == OutboundDelivery.Status.READ);
        assertThat(reads).extracting(OutboundDelivery::messageId)
                .containsExactlyInAnyOrderElementsOf(campaign.stream().map(OutboundMessage::eventId).toList());
        // a read by someone the bot does not know creates no teacher
        long stranger = newUserId();
        postVk(Updates.vkMessageRead(eventId(), stranger, 1_000_000, VK_SECRET)).expectStatus().isOk();
        assertThat(teacherId(Channel.VK, stranger)).isNull();
    }
}
