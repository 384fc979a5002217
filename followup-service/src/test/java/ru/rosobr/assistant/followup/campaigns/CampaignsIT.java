package ru.rosobr.assistant.followup.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.followup.FollowupServiceApplication;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.OutboxProbe;
import ru.rosobr.assistant.testkit.ServiceReplicas;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Campaigns on the real broker and PostgreSQL (a broker and database of their own: {@link ServiceReplicas}, so
 * that a replica can be stopped mid-run and another started). The audience comes in as teacher.changed events, the
 * messages are read back from outbound.messages; the time of day is a clock the test sets, the throttle runs on
 * real (database) time.
 */
class CampaignsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Tuesday 10.03.2026 10:30 UTC: Kaliningrad 12:30, Penza 13:30, Novosibirsk 17:30 — Vladivostok 20:30 and
     *  Kamchatka 22:30 are past 19:00. */
    private static final Instant DAY = Instant.parse("2026-03-10T10:30:00Z");
    /** 22:00 UTC the same day: Vladivostok 08:00 and Kamchatka 10:00 of the 11th; the west is asleep. */
    private static final Instant EAST_MORNING = Instant.parse("2026-03-10T22:00:00Z");

    static final AtomicReference<Instant> NOW = new AtomicReference<>(DAY);

    /** The clock of the service: the test sets the time of day. */
    @Configuration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        Clock settableClock() {
            return new Clock() {
                @Override
                public Instant instant() {
                    return NOW.get();
                }

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    static ServiceReplicas service;
    /** The replica that runs now (another one is started after a simulated crash). */
    static int current;

    @BeforeAll
    static void start() {
        service = ServiceReplicas.start(FollowupServiceApplication.class, List.of(TestClock.class), "campaigns", 1,
                "assistant.campaigns.tick=PT0.05S", "assistant.campaigns.max-rate-per-second=500",
                "assistant.outbox-interval=PT0.1S");
        current = 0;
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static WebTestClient web() {
        return service.web(current);
    }

    private static DatabaseClient db() {
        return service.bean(current, DatabaseClient.class);
    }

    private static String bearer(String user, String role, String region) {
        return "Bearer " + TestJwt.token(user, List.of(role), region);
    }

    private static final String FEDERAL = bearer("federal", "FEDERAL", null);

    /** Registers teachers as intake would announce them; waits until the audience has them. */
    private static List<String> teachers(String region, int n) {
        List<TeacherChanged> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "t-" + UUID.randomUUID();
            ids.add(id);
            events.add(TeacherChanged.of(Instant.now(), id, Channel.MAX, region, OrgType.SCHOOL, true));
        }
        service.publishAll(Topics.TEACHER_CHANGED, events);
        await().atMost(WAIT).until(() -> count("select count(*) from audience where teacher_id = any(:p0)",
                (Object) ids.toArray(String[]::new)) == n);
        return ids;
    }

    private static long count(String sql, Object... binds) {
        var spec = db().sql(sql);
        for (int i = 0; i < binds.length; i++) {
            spec = spec.bind("p" + i, binds[i]);
        }
        return spec.map((r, m) -> ((Number) r.get(0)).longValue()).one().block();
    }

    private static UUID create(String text, List<String> teacherIds, int rate) {
        String list = teacherIds.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(","));
        Map<String, Object> created = web().post().uri("/api/campaigns")
                .header("Authorization", FEDERAL)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Опрос\",\"text\":\"" + text + "\",\"audience\":{\"regions\":[],"
                        + "\"orgTypes\":[\"SCHOOL\"],\"teacherIds\":[" + list + "]},\"ratePerSecond\":" + rate + "}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
        return UUID.fromString((String) created.get("id"));
    }

    private static Map<String, Object> action(UUID id, String action) {
        return web().post().uri("/api/campaigns/" + id + "/" + action)
                .header("Authorization", FEDERAL)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
    }

    private static Map<String, Object> get(UUID id) {
        return web().get().uri("/api/campaigns/" + id)
                .header("Authorization", FEDERAL)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
    }

    private static long sent(UUID id) {
        return count("select count(*) from campaign_recipients where campaign_id = :p0 and status <> 'QUEUED'", id);
    }

    private static List<OutboundMessage> messages(String text) {
        return KafkaProbe.all(service.bootstrapServers(), Topics.OUTBOUND_MESSAGES,
                m -> m.kind() == OutboundMessage.Kind.CAMPAIGN && m.text().equals(text));
    }

    private static long number(Map<String, Object> view, String field) {
        return ((Number) view.get(field)).longValue();
    }

    @Test
    void eachTeacherGetsOneMessageInsideTheirDayAndTheRestIsHeldUntilTheirMorning() {
        NOW.set(DAY);
        Map<String, List<String>> byRegion = new LinkedHashMap<>();
        for (String region : List.of("39", "58", "54", "25", "41")) {
            byRegion.put(region, teachers(region, 60));
        }
        List<String> all = byRegion.values().stream().flatMap(List::stream).toList();
        String text = "Уважаемые коллеги! Опрос о нагрузке " + UUID.randomUUID();
        UUID id = create(text, all, 200);
        Map<String, Object> draft = get(id);
        assertThat(draft).containsKeys("id", "status", "total", "queued", "held", "sent", "delivered", "read",
                "failed");
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat(number(draft, "total")).isEqualTo(300);

        assertThat(action(id, "start").get("status")).isEqualTo("RUNNING");
        // the west (Kaliningrad, Penza, Novosibirsk) now; Vladivostok and Kamchatka are past 19:00
        await().atMost(WAIT).until(() -> sent(id) == 180);
        Map<String, Object> evening = get(id);
        assertThat(number(evening, "sent")).isEqualTo(180);
        assertThat(number(evening, "held")).isEqualTo(120);
        assertThat(number(evening, "queued")).isZero();
        assertThat(evening.get("status")).isEqualTo("RUNNING");
        assertThat(evening.get("etaSeconds")).isNotNull();
        // proof of the hold: the budget keeps coming, yet the east gets nothing before its morning
        await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> sent(id) == 180);

        NOW.set(EAST_MORNING);
        await().atMost(WAIT).until(() -> "DONE".equals(get(id).get("status")));
        await().atMost(WAIT).until(() -> messages(text).size() >= 300);
        OutboxProbe.awaitPublished(db(), WAIT); // no copy is still on its way
        List<OutboundMessage> out = messages(text);
        assertThat(out).hasSize(300);
        assertThat(out.stream().map(OutboundMessage::teacherId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(all);
        for (OutboundMessage m : out) {
            LocalTime local = m.occurredAt().atZone(Regions.zoneOf(m.region())).toLocalTime();
            assertThat(local).as("local time of the message to %s in %s", m.teacherId(), m.region())
                    .isBetween(LocalTime.of(8, 0), LocalTime.of(18, 59, 59));
            assertThat(m.urgent()).isFalse();
        }

        // delivery outcomes as intake reports them: delivered, failed with the reason, a retry that got through
        List<OutboundDelivery> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            OutboundMessage m = out.get(i);
            outcomes.add(OutboundDelivery.of(m.eventId(), m.teacherId(), null, Channel.MAX,
                    i < 10 ? OutboundDelivery.Status.DELIVERED : OutboundDelivery.Status.FAILED,
                    i < 10 ? null : "MAX ответил 403: бот заблокирован пользователем", 1));
        }
        outcomes.add(OutboundDelivery.of(out.get(11).eventId(), out.get(11).teacherId(), null, Channel.MAX,
                OutboundDelivery.Status.DELIVERED, null, 2));
        service.publishAll(Topics.OUTBOUND_DELIVERY, outcomes);
        await().atMost(WAIT).until(() -> number(get(id), "delivered") == 11);
        Map<String, Object> done = get(id);
        assertThat(number(done, "failed")).isEqualTo(1);
        assertThat(number(done, "queued") + number(done, "held")).isZero();
        List<Map<String, Object>> failures = web().get().uri("/api/campaigns/" + id + "/failures")
                .header("Authorization", FEDERAL).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(failures).singleElement().satisfies(f ->
                assertThat(f.get("reason")).isEqualTo("MAX ответил 403: бот заблокирован пользователем"));
        List<Map<String, Object>> regions = web().get().uri("/api/campaigns/" + id + "/regions")
                .header("Authorization", FEDERAL).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(regions).extracting(r -> r.get("region")).containsExactly("25", "39", "41", "54", "58");
        assertThat(regions).allSatisfy(r -> assertThat(number(r, "sent")).isEqualTo(60));

        // reads as intake reports them (VK message_read): counted once, only for delivered messages; the base of
        // the read rate is what went through VK, the one channel that reports reads
        List<OutboundDelivery> vk = new ArrayList<>();
        for (int i = 20; i < 30; i++) {
            OutboundMessage m = out.get(i);
            vk.add(OutboundDelivery.of(m.eventId(), m.teacherId(), null, Channel.VK, OutboundDelivery.Status.DELIVERED,
                    null, 1, m.region(), OutboundMessage.Kind.CAMPAIGN));
        }
        for (int i = 20; i < 26; i++) {
            OutboundMessage m = out.get(i);
            vk.add(OutboundDelivery.of(m.eventId(), m.teacherId(), null, Channel.VK, OutboundDelivery.Status.READ,
                    null, 0, m.region(), OutboundMessage.Kind.CAMPAIGN));
        }
        // a second report of the same read, and a read of a message never reported delivered: no count
        vk.add(OutboundDelivery.of(out.get(20).eventId(), out.get(20).teacherId(), null, Channel.VK,
                OutboundDelivery.Status.READ, null, 0, out.get(20).region(), OutboundMessage.Kind.CAMPAIGN));
        vk.add(OutboundDelivery.of(out.get(40).eventId(), out.get(40).teacherId(), null, Channel.VK,
                OutboundDelivery.Status.READ, null, 0, out.get(40).region(), OutboundMessage.Kind.CAMPAIGN));
        service.publishAll(Topics.OUTBOUND_DELIVERY, vk);
        await().atMost(WAIT).until(() -> number(get(id), "read") == 6 && number(get(id), "delivered") == 21);
        // proof that the last two were handled (and counted nothing): the consumer is past them
        UUID lastRead = vk.getLast().eventId();
        await().atMost(WAIT).until(() -> db().sql("select count(*) as n from processed_events where event_id = :e")
                .bind("e", lastRead).map((r, md) -> ((Number) r.get("n")).longValue()).one().block() == 1);
        Map<String, Object> read = get(id);
        assertThat(number(read, "read")).isEqualTo(6);
        assertThat(number(read, "readable")).isEqualTo(10);
        assertThat(((Number) read.get("readRate")).doubleValue()).isEqualTo(0.6);
        assertThat(((Number) read.get("deliveryRate")).doubleValue()).isEqualTo(0.9545);
        assertThat(read.get("readReportedBy")).isEqualTo(List.of("VK"));
        assertThat((String) read.get("readNote")).startsWith("MAX не сообщает о прочтении");
        List<Map<String, Object>> withReads = web().get().uri("/api/campaigns/" + id + "/regions")
                .header("Authorization", FEDERAL).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(withReads.stream().mapToLong(r -> number(r, "read")).sum()).isEqualTo(6);
        assertThat(withReads.stream().mapToLong(r -> number(r, "readable")).sum()).isEqualTo(10);
        for (Map<String, Object> r : withReads) {
            String region = (String) r.get("region");
            long expectedRead = out.subList(20, 26).stream().filter(m -> m.region().equals(region)).count();
            long expectedReadable = out.subList(20, 30).stream().filter(m -> m.region().equals(region)).count();
            assertThat(number(r, "read")).as("reads in %s", region).isEqualTo(expectedRead);
            assertThat(number(r, "readable")).as("readable in %s", region).isEqualTo(expectedReadable);
            if (expectedReadable > 0) {
                assertThat(((Number) r.get("readRate")).doubleValue())
                        .isCloseTo((double) expectedRead / expectedReadable, org.assertj.core.data.Offset.offset(1e-4));
            } else {
                assertThat(r.get("readRate")).isNull();
            }
        }
        assertThat(db().sql("select count(*) as n from campaign_recipients where campaign_id = :c and read_at is not null")
                .bind("c", id).map((r, md) -> ((Number) r.get("n")).longValue()).one().block()).isEqualTo(6);
    }

    @Test
    void pauseStopsSendingAtOnceAndResumeAndARestartContinueWithoutADuplicate() {
        NOW.set(DAY);
        List<String> audience = teachers("58", 400);
        String text = "Пауза и перезапуск " + UUID.randomUUID();
        UUID id = create(text, audience, 40);
        action(id, "start");
        await().atMost(WAIT).until(() -> sent(id) >= 40);

        Map<String, Object> paused = action(id, "pause");
        assertThat(paused.get("status")).isEqualTo("PAUSED");
        long atPause = sent(id);
        Instant pausedAt = db().sql("select clock_timestamp() as t").map((r, m) -> r.get("t", Instant.class))
                .one().block();
        // nothing more is handed to delivery once the pause has answered (within a second: at once)
        await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> sent(id) == atPause);
        Instant lastSent = db().sql("select max(sent_at) as t from campaign_recipients where campaign_id = :id")
                .bind("id", id).map((r, m) -> r.get("t", Instant.class)).one().block();
        assertThat(lastSent).isBefore(pausedAt);
        assertThat(atPause).isLessThan(400);

        action(id, "resume");
        await().atMost(WAIT).until(() -> sent(id) >= atPause + 80);
        // the sending replica goes down mid-run; another one takes over on the same database and broker
        long beforeStop = sent(id);
        service.stop(current);
        current = service.startAnother();
        assertThat(beforeStop).as("sent when the replica went down").isLessThan(400);
        await().atMost(WAIT).until(() -> "DONE".equals(get(id).get("status")));

        await().atMost(WAIT).until(() -> messages(text).size() >= 400);
        // a second copy would be sent after the 400th: only once every row of the outbox is out is the count final
        OutboxProbe.awaitPublished(db(), WAIT);
        List<OutboundMessage> out = messages(text);
        Set<String> distinct = new HashSet<>();
        List<String> duplicates = out.stream().map(OutboundMessage::teacherId).filter(t -> !distinct.add(t)).toList();
        assertThat(duplicates).as("teachers who got the campaign twice").isEmpty();
        assertThat(distinct).containsExactlyInAnyOrderElementsOf(audience);
    }

    @Test
    void theThrottleHoldsTheCampaignRate() {
        NOW.set(DAY);
        int rate = 30;
        List<String> audience = teachers("58", 150);
        String text = "Скорость " + UUID.randomUUID();
        UUID id = create(text, audience, rate);
        action(id, "start");
        await().atMost(WAIT).until(() -> "DONE".equals(get(id).get("status")));

        List<Instant> at = db().sql("select sent_at from campaign_recipients where campaign_id = :id order by sent_at")
                .bind("id", id).map((r, m) -> r.get("sent_at", Instant.class)).all().collectList().block();
        assertThat(at).hasSize(150);
        double seconds = Duration.between(at.getFirst(), at.getLast()).toNanos() / 1e9;
        double measured = (at.size() - 1) / seconds;
        assertThat(measured).as("messages per second over the run").isBetween(rate * 0.85, rate * 1.1);
        // and no second of the run carried much more than the rate (a late tick may catch up a quarter second)
        int worst = 0;
        for (int i = 0, j = 0; i < at.size(); i++) {
            while (Duration.between(at.get(j), at.get(i)).toMillis() >= 1000) {
                j++;
            }
            worst = Math.max(worst, i - j + 1);
        }
        assertThat(worst).as("most messages in any one second").isLessThanOrEqualTo((int) (rate * 1.25) + 1);
        assertThat(messages(text)).hasSize(150);
    }

    @Test
    void aSlowCampaignStillSends() {
        NOW.set(DAY);
        List<String> audience = teachers("58", 3);
        String text = "Медленно " + UUID.randomUUID();
        UUID id = create(text, audience, 2);
        action(id, "start");
        await().atMost(WAIT).until(() -> "DONE".equals(get(id).get("status")));
        assertThat(messages(text)).hasSize(3);
    }

    @Test
    void aRegionalHeadWorksWithTheOwnRegionOnly() {
        NOW.set(DAY);
        teachers("58", 3);
        String head = bearer("head58", "REGIONAL_HEAD", "58");
        web().post().uri("/api/campaigns").header("Authorization", head).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Чужой\",\"text\":\"x\",\"audience\":{\"regions\":[\"77\"]},\"ratePerSecond\":5}")
                .exchange().expectStatus().isForbidden();
        Map<String, Object> own = web().post().uri("/api/campaigns").header("Authorization", head)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Свой\",\"text\":\"x\",\"audience\":{\"regions\":[]},\"ratePerSecond\":5}")
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(number(own, "total")).isGreaterThanOrEqualTo(3);
        UUID federalOnly = create("федеральная", List.of("t-none"), 5);
        web().get().uri("/api/campaigns/" + federalOnly).header("Authorization", head).exchange()
                .expectStatus().isNotFound();
        web().post().uri("/api/campaigns/" + federalOnly + "/start").header("Authorization", head).exchange()
                .expectStatus().isNotFound();
        web().get().uri("/api/campaigns/" + own.get("id")).header("Authorization", head).exchange()
                .expectStatus().isOk();
        web().get().uri("/api/campaigns/" + own.get("id"))
                .header("Authorization", bearer("operator58", "OPERATOR", "58")).exchange()
                .expectStatus().isForbidden();
        web().get().uri("/api/campaigns").exchange().expectStatus().isUnauthorized();
        web().post().uri("/api/campaigns/" + own.get("id") + "/resume").header("Authorization", head).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void everyCampaignActionIsInTheAuditLogOnceWithTheActorAndTheOwnersRegion() {
        NOW.set(DAY);
        teachers("58", 2);
        String head = bearer("head58a", "REGIONAL_HEAD", "58");
        Map<String, Object> created = web().post().uri("/api/campaigns").header("Authorization", head)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Журнал\",\"text\":\"x\",\"audience\":{\"regions\":[]},\"ratePerSecond\":1}")
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        String id = (String) created.get("id");
        for (String action : List.of("start", "pause", "resume")) {
            web().post().uri("/api/campaigns/" + id + "/" + action).header("Authorization", head).exchange()
                    .expectStatus().isOk();
        }
        // refused: changes nothing, logs nothing
        web().post().uri("/api/campaigns/" + id + "/resume").header("Authorization", head).exchange()
                .expectStatus().isEqualTo(409);
        web().post().uri("/api/campaigns/" + id + "/cancel").header("Authorization", head).exchange()
                .expectStatus().isOk();

        await().atMost(WAIT).until(() -> !KafkaProbe.all(service.bootstrapServers(), Topics.AUDIT_FOLLOWUP,
                a -> a.action().equals("CAMPAIGN_CANCEL") && a.details().contains(id)).isEmpty());
        List<StaffActionAudited> log = KafkaProbe.all(service.bootstrapServers(), Topics.AUDIT_FOLLOWUP,
                a -> a.details().contains(id));
        assertThat(log).extracting(StaffActionAudited::action).containsExactly("CAMPAIGN_CREATE", "CAMPAIGN_START",
                "CAMPAIGN_PAUSE", "CAMPAIGN_RESUME", "CAMPAIGN_CANCEL");
        assertThat(log).allMatch(a -> a.actor().equals("head58a") && "58".equals(a.region()));
    }
}
