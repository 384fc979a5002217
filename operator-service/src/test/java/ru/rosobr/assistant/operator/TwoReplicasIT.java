package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.testkit.ServiceReplicas;

/**
 * Two replicas of operator-service on one database and one broker: a change applied on either replica — an
 * appeal.assigned consumed by whichever replica owns its partition, a reply posted to one replica — reaches the
 * live streams of users connected to both, with the region isolation of the stream kept on each.
 */
class TwoReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() {
            };
    private static ServiceReplicas replicas;

    @BeforeAll
    static void start() {
        replicas = ServiceReplicas.start(OperatorServiceApplication.class, "operator2", 2,
                "assistant.demo-data=true", "assistant.console.stream-heartbeat=2s");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    private static String login(int replica, String username) {
        Map<?, ?> body = replicas.web(replica).post().uri("/api/auth/login")
                .bodyValue(Map.of("username", username, "password", "demo"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    /** The stream of one replica; the server has subscribed to its feed when this returns. */
    private static Flux<ServerSentEvent<Map<String, Object>>> stream(int replica, String token) {
        return replicas.web(replica).get().uri("/api/console/stream")
                .header("Authorization", "Bearer " + token)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(ev -> "appeal".equals(ev.event()));
    }

    private static AppealAssigned assign(String region, String operator, String text) {
        AppealAssigned e = AppealAssigned.of(UUID.randomUUID(), region, Target.OPERATOR, operator,
                "UNMATCHED:LEAST_LOADED_ON_SHIFT", "t-" + UUID.randomUUID(), "Орлова Наталья Ивановна",
                OrgType.SCHOOL, text, Instant.now(), "reports", "Кандидат ответа", 0.37);
        replicas.publish(Topics.APPEAL_ASSIGNED, e);
        return e;
    }

    private static boolean about(ServerSentEvent<Map<String, Object>> ev, UUID appealId) {
        return ev.data() != null && appealId.toString().equals(ev.data().get("id"));
    }

    @Test
    void anAppealAppliedOnEitherReplicaReachesTheStreamsOnBoth() {
        var on0 = stream(0, login(0, "operator58"));
        var on1 = stream(1, login(1, "operator58"));
        var other0 = stream(0, login(0, "operator33"));
        var other1 = stream(1, login(1, "operator33"));

        AppealAssigned e58 = assign("58", "operator58", "Нужно ли писать отчёт о посещаемости кружка?");
        // one replica consumed the event; both streams have it
        for (var stream : List.of(on0, on1)) {
            ServerSentEvent<Map<String, Object>> got = stream.filter(ev -> about(ev, e58.appealId()))
                    .blockFirst(WAIT);
            assertThat(got.data()).containsEntry("status", "NEW").containsEntry("region", "58")
                    .containsEntry("unread", true);
        }

        // region 33 gets its own appeal next on both replicas, and never the region-58 one
        AppealAssigned e33 = assign("33", "operator33", "Сколько хранить технологические карты уроков?");
        for (var stream : List.of(other0, other1)) {
            var seen = stream.takeUntil(ev -> about(ev, e33.appealId())).collectList().block(WAIT);
            assertThat(seen).isNotEmpty().last().matches(ev -> about(ev, e33.appealId()));
            assertThat(seen).noneMatch(ev -> about(ev, e58.appealId()))
                    .allSatisfy(ev -> assertThat(ev.data()).containsEntry("region", "33"));
        }
    }

    @Test
    void aReplyPostedToOneReplicaIsLiveOnTheOther() {
        String op58 = login(0, "operator58");
        AppealAssigned e = assign("58", "operator58", "Обязан ли учитель вести журнал кружка?");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> replicas.web(0).get()
                .uri("/api/console/appeals/" + e.appealId()).header("Authorization", "Bearer " + op58)
                .exchange().expectStatus().isOk());
        var headOn1 = stream(1, login(1, "head58"));
        var authorOn1 = stream(1, op58);

        replicas.web(0).post().uri("/api/console/appeals/" + e.appealId() + "/replies")
                .header("Authorization", "Bearer " + op58).bodyValue(Map.of("text", "Ответ с другой реплики"))
                .exchange().expectStatus().isCreated();

        var head = headOn1.filter(ev -> about(ev, e.appealId()) && "ANSWERED".equals(ev.data().get("status")))
                .blockFirst(WAIT);
        var author = authorOn1.filter(ev -> about(ev, e.appealId()) && "ANSWERED".equals(ev.data().get("status")))
                .blockFirst(WAIT);
        assertThat(head.data()).containsEntry("unread", true);
        // the actor travels with the notification: the author's own change is read on every replica
        assertThat(author.data()).containsEntry("unread", false);
        assertThat(head.id()).endsWith(":" + head.data().get("version"));
    }

    /**
     * A replica that shuts down ends its open streams first (the console reconnects elsewhere), instead of its
     * graceful shutdown waiting the whole timeout for them.
     */
    @Test
    void aReplicaThatShutsDownEndsItsStreamsAtOnce() {
        int third = replicas.startAnother();
        var events = replicas.web(third).get().uri("/api/console/stream")
                .header("Authorization", "Bearer " + login(third, "operator58"))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody();
        var ended = events.then().toFuture();
        long t0 = System.nanoTime();
        replicas.stop(third);
        assertThat(ended).succeedsWithin(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }
}
