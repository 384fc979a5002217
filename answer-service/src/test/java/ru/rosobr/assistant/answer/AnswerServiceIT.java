package ru.rosobr.assistant.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AnswerServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "answer");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private static AppealReceived received(String text) {
        return AppealReceived.of(UUID.randomUUID(), "58", "t-" + UUID.randomUUID(), Channel.WEBCHAT,
                "Иванова Мария Петровна", OrgType.SCHOOL, text, UUID.randomUUID());
    }

    @Test
    void coveredQuestionIsMatchedOnceEvenWhenRedelivered() {
        AppealReceived e = received("Нужно ли отдельно вести календарно-тематическое планирование?");
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e);
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e); // redelivery of the same event

        AnswerMatched matched = KafkaProbe.await(Topics.ANSWER_MATCHED, m -> m.appealId().equals(e.appealId()), WAIT);
        assertThat(matched.topic()).isEqualTo("ktp");
        assertThat(matched.answerText()).contains("рабочей программы");

        Long decisions = db.sql("select count(*) as n from match_decisions where appeal_id = :id")
                .bind("id", e.appealId()).map((r, m) -> r.get("n", Long.class)).one().block();
        assertThat(decisions).isEqualTo(1L);
        assertThat(KafkaProbe.all(Topics.ANSWER_MATCHED, m -> m.appealId().equals(e.appealId()))).hasSize(1);
    }

    @Test
    void uncoveredQuestionIsRoutedWithItsSnapshot() {
        AppealReceived e = received("Какие документы нужны учителю для аттестации на высшую категорию?");
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e);
        AnswerUnmatched u = KafkaProbe.await(Topics.ANSWER_UNMATCHED, m -> m.appealId().equals(e.appealId()), WAIT);
        assertThat(u.text()).isEqualTo(e.text());
        assertThat(u.teacherFio()).isEqualTo("Иванова Мария Петровна");
        assertThat(u.region()).isEqualTo("58");
    }

    @Test
    void offTopicQuestionIsDeclined() {
        AppealReceived e = received("Как приготовить борщ со сметаной?");
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, e);
        AppealOffTopic o = KafkaProbe.await(Topics.APPEAL_OFFTOPIC, m -> m.appealId().equals(e.appealId()), WAIT);
        assertThat(o.teacherId()).isEqualTo(e.teacherId());
    }

    @Test
    void publishedEntryAnswersTheNextQuestion() {
        String question = "Обязан ли учитель вести дневник самонаблюдения за погодой для отчёта?";
        web.post().uri("/api/answers/preview").bodyValue(Map.of("text", question)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.decision").isEqualTo("UNMATCHED");

        KafkaProbe.publish(Topics.KB_ENTRY_PUBLISHED, KbEntryPublished.of("op-weather-diary", 1, "event-reports",
                question, List.of("дневник самонаблюдения за погодой"), "Нет, такой документ не входит в перечень.",
                "ч. 6.2 ст. 47 № 273-ФЗ", KbEntryPublished.Audience.ALL, "federal", null));

        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                web.post().uri("/api/answers/preview").bodyValue(Map.of("text", question)).exchange()
                        .expectStatus().isOk().expectBody()
                        .jsonPath("$.decision").isEqualTo("MATCHED")
                        .jsonPath("$.entryId").isEqualTo("op-weather-diary"));
    }

    @Test
    void previewRejectsMissingText() {
        web.post().uri("/api/answers/preview").bodyValue(Map.of("text", " ")).exchange()
                .expectStatus().isBadRequest();
        web.post().uri("/api/answers/preview").header("Content-Type", "application/json").bodyValue("{not json")
                .exchange().expectStatus().isBadRequest();
    }
}
