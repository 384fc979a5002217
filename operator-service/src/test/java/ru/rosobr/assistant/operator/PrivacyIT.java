package ru.rosobr.assistant.operator;

import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.TeacherErased;
import ru.rosobr.assistant.testkit.KafkaProbe;

/** A teacher erased on request in intake: the console's copy loses name and question, the appeal itself stays. */
class PrivacyIT extends OperatorTestBase {

    @Test
    void anErasedTeachersAppealKeepsItsFactsButNotTheirData() {
        String op58 = login("operator58");
        AppealAssigned e = assign("58", "operator58");
        awaitCard(op58, e.appealId());

        KafkaProbe.publish(Topics.TEACHER_ERASED, TeacherErased.of(e.teacherId(), List.of(e.appealId())));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> get(op58, "/api/console/appeals/" + e.appealId())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.teacherFio").isEqualTo("[удалено по запросу]"));
        get(op58, "/api/console/appeals/" + e.appealId()).exchange().expectBody()
                .jsonPath("$.text").isEqualTo("[удалено по запросу]")
                .jsonPath("$.region").isEqualTo("58")
                .jsonPath("$.status").isEqualTo("NEW")
                .jsonPath("$.timeline[?(@.kind == 'TEACHER_QUESTION')].text").isEqualTo(List.of("[удалено по запросу]"));
        get(op58, "/api/console/appeals?q=" + "Кузнецова").exchange().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')]").doesNotExist();
    }
}
