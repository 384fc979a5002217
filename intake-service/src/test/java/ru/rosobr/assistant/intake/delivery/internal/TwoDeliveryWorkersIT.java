package ru.rosobr.assistant.intake.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import ru.rosobr.assistant.intake.IntakeServiceApplication;
import ru.rosobr.assistant.intake.support.FakeMaxPlatform;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.testkit.ServiceReplicas;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Two replicas of intake-service, each with its delivery worker, on one database and one fake MAX platform: claiming
 * side by side (a lease taken with {@code FOR UPDATE SKIP LOCKED}), both send part of the queue and every pending
 * message reaches the platform exactly once. The workers' own polling is set to an hour, so the test decides when
 * each worker runs a round.
 */
class TwoDeliveryWorkersIT {

    private static final FakeMaxPlatform MAX = FakeMaxPlatform.get();
    private static ServiceReplicas replicas;

    @BeforeAll
    static void start() {
        replicas = ServiceReplicas.start(IntakeServiceApplication.class, "intake2", 2,
                "MAX_API_BASE_URL=" + MAX.url(), "MAX_BOT_TOKEN=" + FakeMaxPlatform.TOKEN,
                "MAX_WEBHOOK_SECRET=replicas-secret", "assistant.delivery.poll-interval=PT1H",
                "assistant.inbox.poll-interval=PT1H", "assistant.max.rate-limit=1000",
                "assistant.delivery.batch-size=25");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void twoWorkersSendEveryPendingMessageOnce() {
        int count = 120;
        String run = UUID.randomUUID().toString().substring(0, 8);
        long firstUser = 900_000_000L + (long) (Math.random() * 90_000_000L);
        StringBuilder registry = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            registry.append(i == 0 ? "" : ",").append("{\"channel\":\"MAX\",\"platformUserId\":\"")
                    .append(firstUser + i).append("\",\"fio\":\"Петрова Анна Ивановна\",\"region\":\"58\","
                            + "\"orgType\":\"SCHOOL\"}");
        }
        replicas.web(0).post().uri("/api/admin/teachers")
                .header("Authorization", "Bearer " + TestJwt.token("admin", List.of("ADMIN"), null))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(registry.append("]").toString())
                .exchange().expectStatus().isOk();
        // one due message per teacher, queued as the consumer of outbound.messages queues them
        DatabaseClient db = replicas.bean(0, DatabaseClient.class);
        db.sql("""
                        insert into outbound_deliveries (message_id, teacher_id, channel, kind, urgent, text, status,
                                                         not_before)
                        select gen_random_uuid(), teacher_id, 'MAX', 'OPERATOR_REPLY', true,
                               'Ответ ' || :run || ' ' || platform_user_id, 'PENDING', now()
                        from teachers where channel = 'MAX' and platform_user_id::bigint between :from and :to""")
                .bind("run", run).bind("from", firstUser).bind("to", firstUser + count - 1)
                .then().block();

        DeliveryWorker first = replicas.bean(0, DeliveryWorker.class);
        DeliveryWorker second = replicas.bean(1, DeliveryWorker.class);
        List<Tuple2<Integer, Integer>> rounds = new ArrayList<>();
        // rounds side by side until neither worker finds anything due
        while (rounds.isEmpty() || rounds.getLast().getT1() + rounds.getLast().getT2() > 0) {
            rounds.add(Mono.zip(first.round(), second.round()).block(Duration.ofMinutes(1)));
            assertThat(rounds).hasSizeLessThan(50);
        }
        int byFirst = rounds.stream().mapToInt(Tuple2::getT1).sum();
        int bySecond = rounds.stream().mapToInt(Tuple2::getT2).sum();
        assertThat(byFirst + bySecond).isEqualTo(count);
        assertThat(byFirst).as("the first worker's share").isPositive();
        assertThat(bySecond).as("the second worker's share").isPositive();

        Map<String, Long> accepted = MAX.requests().stream()
                .filter(r -> r.path().equals("/messages") && "200".equals(r.headers().get("x-fake-status")))
                .map(r -> EventCodec.mapper().readTree(r.body()).path("text").asString(""))
                .filter(text -> text.startsWith("Ответ " + run + " "))
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(accepted).hasSize(count).allSatisfy((text, n) -> assertThat(n).as(text).isEqualTo(1L));
        assertThat(db.sql("select count(*) as n from outbound_deliveries where text like :p and status = 'DELIVERED'")
                .bind("p", "Ответ " + run + " %").map((r, m) -> r.get("n", Long.class)).one().block())
                .isEqualTo(count);
    }
}
