package ru.rosobr.assistant.answer;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.HostileRoutes;
import ru.rosobr.assistant.testkit.ServiceReplicas;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Every route of answer-service answers hostile input with a 4xx, never a 5xx (a replica of its own: real PostgreSQL,
 * broker).
 */
class HostileInputIT {

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        try (ServiceReplicas service = ServiceReplicas.start(AnswerServiceApplication.class, "answer_hostile", 1)) {
            String token = TestJwt.token("hostile", List.of("ADMIN", "FEDERAL", "OPERATOR", "KB_EDITOR"), "58");
            HostileRoutes.of(service.context(0))
                    .publicRoutes("POST /api/answers/preview")
                    .body("POST /api/answers/preview", "{\"text\":\"Как пройти аттестацию учителю?\","
                            + "\"orgType\":\"SCHOOL\"}")
                    .body("POST /api/kb/entries", "{\"id\":\"hostile-{{n}}\",\"topic\":\"reports\","
                            + "\"question\":\"Вопрос?\","
                            + "\"phrasings\":[\"Как?\"],\"answer\":\"Ответ\",\"legalBasis\":\"Приказ 1\","
                            + "\"audience\":[\"SCHOOL\"],"
                            + "\"version\":1}")
                    .body("PUT /api/kb/entries/{id}", "{\"topic\":\"reports\",\"question\":\"Вопрос?\","
                            + "\"phrasings\":[\"Как?\"],"
                            + "\"answer\":\"Ответ\",\"legalBasis\":\"Приказ 1\",\"audience\":[\"SCHOOL\"],"
                            + "\"version\":1}")
                    .body("POST /api/kb/entries/{id}/verify", "{\"version\":1}")
                    .body("POST /api/kb/entries/{id}/retire", "{\"version\":1}")
                    .body("POST /api/kb/entries/{id}/restore", "{\"version\":1}")
                    .paramValue("status", "VERIFIED")
                    .paramValue("q", "аттестация")
                    .paramValue("verdict", "CORRECT")
                    .paramValue("limit", "10")
                    .bearer(route -> token)
                    .run();

        }
    }
}
