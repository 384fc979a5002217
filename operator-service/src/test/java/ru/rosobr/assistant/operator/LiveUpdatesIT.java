package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import ru.rosobr.assistant.contracts.events.AppealAssigned;

/**
 * {@code GET /api/console/stream}: committed changes arrive live as {@code event: appeal}, only for appeals the
 * subscriber may see. The streams are read as they come (no sleeps): each wait ends at the awaited event.
 */
class LiveUpdatesIT extends OperatorTestBase {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() {
            };

    /** The subscriber's stream; the response (and the server's subscription to the feed) is open on return. */
    private Flux<ServerSentEvent<Map<String, Object>>> stream(String token) {
        return web.get().uri("/api/console/stream")
                .header("Authorization", "Bearer " + token)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(SSE)
                .getResponseBody();
    }

    private static boolean about(ServerSentEvent<Map<String, Object>> e, AppealAssigned appeal) {
        return "appeal".equals(e.event()) && e.data() != null
                && appeal.appealId().toString().equals(e.data().get("id"));
    }

    @Test
    void newAppealOfRegion58ReachesOperator58LiveAndNotOperator33() {
        var op58 = stream(login("operator58"));
        var op33 = stream(login("operator33"));
        var federal = stream(login("federal"));

        AppealAssigned e58 = assign("58", "operator58", "Орлова Наталья Ивановна",
                "Должен ли классный руководитель писать ежемесячный отчёт о воспитательной работе?", Instant.now());
        ServerSentEvent<Map<String, Object>> got = op58.filter(ev -> about(ev, e58)).blockFirst(WAIT);
        assertThat(got.data())
                .containsEntry("status", "NEW")
                .containsEntry("region", "58")
                .containsEntry("teacherFio", "Орлова Наталья Ивановна")
                .containsEntry("unread", true)
                .containsKey("deadline");

        // the region-58 event is on the feed already; region 33 gets its own next, and never the other one
        AppealAssigned e33 = assign("33", "operator33", "Лебедев Артём Олегович",
                "Сколько хранить технологические карты уроков?", Instant.now());
        List<ServerSentEvent<Map<String, Object>>> seenBy33 = op33.filter(ev -> "appeal".equals(ev.event()))
                .takeUntil(ev -> about(ev, e33))
                .collectList().block(WAIT);
        assertThat(seenBy33).isNotEmpty().last().matches(ev -> about(ev, e33));
        assertThat(seenBy33).noneMatch(ev -> about(ev, e58))
                .allSatisfy(ev -> assertThat(ev.data()).containsEntry("region", "33"));

        // federal staff see every region
        List<ServerSentEvent<Map<String, Object>>> seenByFederal = federal.filter(ev -> "appeal".equals(ev.event()))
                .takeUntil(ev -> about(ev, e33))
                .collectList().block(WAIT);
        assertThat(seenByFederal).anyMatch(ev -> about(ev, e58)).anyMatch(ev -> about(ev, e33));
    }

    @Test
    void aReplyIsLiveForTheRegionAndReadForItsAuthor() {
        String op58 = login("operator58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());
        var ownStream = stream(op58);
        var headStream = stream(login("head58"));

        post(op58, "/api/console/appeals/" + e.appealId() + "/replies", Map.of("text", "Ответ в прямом эфире"))
                .exchange().expectStatus().isCreated();
        var own = ownStream.filter(ev -> about(ev, e) && "ANSWERED".equals(ev.data().get("status")))
                .blockFirst(WAIT);
        var head = headStream.filter(ev -> about(ev, e) && "ANSWERED".equals(ev.data().get("status")))
                .blockFirst(WAIT);
        assertThat(own.data()).containsEntry("unread", false);
        assertThat(head.data()).containsEntry("unread", true);
        assertThat(own.id()).isEqualTo(head.id()).endsWith(":" + own.data().get("version"));
    }

    @Test
    void theStreamIsKeptAliveWithPingsAndNeedsAConsoleToken() {
        var pings = stream(login("operator33")).filter(ev -> "ping".equals(ev.comment())).take(1)
                .collectList().block(WAIT);
        assertThat(pings).hasSize(1);
        web.get().uri("/api/console/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/console/stream").header("Authorization", "Bearer " + login("kbeditor"))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isForbidden();
    }
}
