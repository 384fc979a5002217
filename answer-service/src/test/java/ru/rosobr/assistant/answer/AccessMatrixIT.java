package ru.rosobr.assistant.answer;

import static ru.rosobr.assistant.testkit.AccessMatrix.Role.ADMIN;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.FEDERAL;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.KB_EDITOR;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.OPERATOR;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.REGIONAL_HEAD;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.testkit.AccessMatrix;
import ru.rosobr.assistant.testkit.AccessMatrixTestBase;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;

/**
 * Every route of the service against the access table below (also the README's «Матрица доступа»). Region 33 has two
 * questions the base does not answer; the knowledge-base gaps of region 58's users must not show them.
 */
class AccessMatrixIT extends AccessMatrixTestBase {

    private static final String QUESTION_1 = "Обязан ли я быть наставником молодого специалиста?";
    private static final String QUESTION_2 = "Могут ли заставить быть наставником молодого специалиста без согласия?";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "answer");
    }

    @Override
    protected AccessMatrix matrix() {
        return new AccessMatrix("answer-service", "33", "58")
                .var("id", () -> "authz-no-such-entry")
                .ownRegionData(QUESTION_1, QUESTION_2)
                .actuator()
                .apiDocs()
                .route("POST /api/answers/preview").open().body(Map.of("text", "Нужно ли вести журнал?"))
                        .note("подбор ответа из базы без побочных эффектов; данных учителей нет")
                .route("GET /api/kb/entries").allow(OPERATOR, REGIONAL_HEAD, FEDERAL, KB_EDITOR, ADMIN)
                .route("GET /api/kb/entries/{id}").allow(OPERATOR, REGIONAL_HEAD, FEDERAL, KB_EDITOR, ADMIN)
                .route("GET /api/kb/entries/{id}/versions").allow(OPERATOR, REGIONAL_HEAD, FEDERAL, KB_EDITOR, ADMIN)
                .route("POST /api/kb/entries").allow(FEDERAL, KB_EDITOR, ADMIN)
                .route("PUT /api/kb/entries/{id}").allow(FEDERAL, KB_EDITOR, ADMIN)
                .route("POST /api/kb/entries/{id}/verify").allow(FEDERAL, KB_EDITOR, ADMIN)
                .route("POST /api/kb/entries/{id}/retire").allow(FEDERAL, KB_EDITOR, ADMIN)
                .route("POST /api/kb/entries/{id}/restore").allow(FEDERAL, KB_EDITOR, ADMIN)
                .route("GET /api/kb/judgements").allow(FEDERAL, KB_EDITOR, ADMIN)
                        .note("в оценках вопросы всех регионов")
                .route("GET /api/kb/judgements/summary").allow(FEDERAL, KB_EDITOR, ADMIN)
                .route("GET /api/kb/gaps").allow(FEDERAL, KB_EDITOR, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .query("region=33").listsOwnRegionData()
                .route("GET /api/admin/dead-letters/answer-service").allow(ADMIN)
                .route("POST /api/admin/dead-letters/answer-service/{id}/replay").allow(ADMIN)
                        .var("id", () -> "999999999")
                .and();
    }

    @Override
    protected void prepare() {
        for (String text : List.of(QUESTION_1, QUESTION_2)) {
            AppealReceived asked = new AppealReceived(UUID.randomUUID(), Instant.now(), AppealReceived.VERSION,
                    UUID.randomUUID(), "33", "t-" + UUID.randomUUID(), Channel.WEBCHAT, "Иванова Мария Петровна",
                    OrgType.SCHOOL, text, UUID.randomUUID());
            KafkaProbe.publish(Topics.APPEAL_RECEIVED, asked);
            KafkaProbe.await(Topics.ANSWER_UNMATCHED, m -> m.appealId().equals(asked.appealId()),
                    Duration.ofSeconds(30));
        }
    }
}
