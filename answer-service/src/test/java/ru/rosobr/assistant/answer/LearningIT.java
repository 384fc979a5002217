package ru.rosobr.assistant.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.answer.learning.PhrasingLearning;
import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Learning from operators, on real Kafka and PostgreSQL: «верно» on a close routed candidate teaches the entry the
 * appeal's wording (the next such question is answered), «неверно» on an AI answer is recorded against the entry
 * for KB editors; a redelivered judgement counts once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class LearningIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EDITOR = TestJwt.token("editor1", List.of("KB_EDITOR"), null);
    private static final String OPERATOR = TestJwt.token("op58", List.of("OPERATOR"), "58");
    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS =
            new ParameterizedTypeReference<>() {
            };

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "answer");
    }

    @Autowired
    WebTestClient web;

    private static AppealReceived received(String text) {
        return AppealReceived.of(UUID.randomUUID(), "58", "t-" + UUID.randomUUID(), Channel.WEBCHAT,
                "Петрова Анна Сергеевна", OrgType.SCHOOL, text, UUID.randomUUID());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> preview(String text) {
        return web.post().uri("/api/answers/preview").bodyValue(Map.of("text", text)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> judgements(String entryId) {
        return web.get().uri("/api/kb/judgements?entryId=" + entryId).headers(h -> h.setBearerAuth(EDITOR))
                .exchange().expectStatus().isOk().expectBody(ROWS).returnResult().getResponseBody();
    }

    @Test
    void correctOnACloseRoutedCandidateTeachesTheEntryItsWording() {
        String text = "Заместитель по УВР собирает наши черновые наброски к урокам. Обязана ли я их ей показывать?";
        Map<String, Object> before = preview(text);
        assertThat(before.get("decision")).isEqualTo("UNMATCHED");
        String candidate = (String) before.get("candidateId");
        assertThat(candidate).isNotNull();
        assertThat(((Number) before.get("score")).doubleValue()).isGreaterThanOrEqualTo(PhrasingLearning.CLOSE);

        AppealReceived e = received(text);
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e);
        AnswerUnmatched routed = KafkaProbe.await(Topics.ANSWER_UNMATCHED, m -> m.appealId().equals(e.appealId()),
                WAIT);
        assertThat(routed.candidateEntryId()).isEqualTo(candidate);

        AiJudged correct = AiJudged.of(e.appealId(), "58", "op58", AiJudged.Verdict.CORRECT, null, candidate);
        KafkaProbe.publish(Topics.AI_JUDGED, correct);
        KafkaProbe.publish(Topics.AI_JUDGED, correct); // redelivery
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(preview(text)).containsEntry("decision", "MATCHED").containsEntry("entryId", candidate));

        List<Map<String, Object>> rows = judgements(candidate);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("verdict", "CORRECT").containsEntry("learnedPhrasing", text)
                .containsEntry("judgedBy", "op58");
        web.get().uri("/api/kb/entries/" + candidate + "/versions").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[-1:].change").isEqualTo(List.of("LEARNED"))
                .jsonPath("$[-1:].status").isEqualTo(List.of("VERIFIED"))
                .jsonPath("$[-1:].changedBy").isEqualTo(List.of("op58"));
    }

    @Test
    void wrongOnAnAiAnswerIsRecordedAgainstTheEntryForEditors() {
        AppealReceived e = received("Обязан ли учитель вести электронный журнал?");
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e);
        AnswerMatched m = KafkaProbe.await(Topics.ANSWER_MATCHED, x -> x.appealId().equals(e.appealId()), WAIT);
        KafkaProbe.publish(Topics.AI_JUDGED, AiJudged.of(e.appealId(), "58", "op58", AiJudged.Verdict.WRONG,
                "ответ не про наш случай", m.entryId()));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(judgements(m.entryId()))
                .anySatisfy(j -> assertThat(j).containsEntry("verdict", "WRONG")
                        .containsEntry("comment", "ответ не про наш случай")
                        .containsEntry("decision", "MATCHED")
                        .satisfies(x -> assertThat(x.get("learnedPhrasing")).isNull())));
        web.get().uri("/api/kb/judgements/summary").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk().expectBody(ROWS).value(rows -> assertThat(rows)
                        .anySatisfy(r -> assertThat(r).containsEntry("entryId", m.entryId())
                                .containsEntry("wrong", 1)));
        // «неверно» does not change the entry; operators (appeals of one region) do not read judgements
        assertThat(preview(e.text())).containsEntry("entryId", m.entryId());
        web.get().uri("/api/kb/judgements").headers(h -> h.setBearerAuth(OPERATOR)).exchange()
                .expectStatus().isForbidden();
    }
}
