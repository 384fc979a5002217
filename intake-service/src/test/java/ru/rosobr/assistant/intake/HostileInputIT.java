package ru.rosobr.assistant.intake;

import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.intake.support.Updates;
import ru.rosobr.assistant.testkit.HostileRoutes;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Every route of intake-service, the internet-facing webhooks above all, answers hostile input with a 4xx, never a
 * 5xx; and what was accepted is still processed: the inbox drains, and a teacher's next message gets through.
 */
class HostileInputIT extends IntakeTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        String admin = TestJwt.token("admin", List.of("ADMIN"), null);
        HostileRoutes.of(context)
                .publicRoutes("POST /webhooks/max", "POST /webhooks/vk", "POST /api/webchat/messages",
                        "POST /api/webchat/callbacks", "GET /api/webchat/teachers/{teacherId}/messages",
                        "GET /api/webchat/regions", "GET /simulator", "GET /simulator/")
                .functionRoute("GET /simulator")
                .functionRoute("GET /simulator/")
                .header("POST /webhooks/max", "X-Max-Bot-Api-Secret", MAX_SECRET)
                .body("POST /webhooks/max",
                        Updates.maxMessageCreated(1_000_001L, "mid.{{n}}", "Когда аттестация?"),
                        Updates.maxBotStarted(1_000_002L, 1_700_000_000_000L).replace("1700000000000", "{{n}}"),
                        Updates.maxCallback(1_000_003L, "cb.{{n}}", "region:58"))
                .body("POST /webhooks/vk",
                        Updates.vkMessageNew("ev{{n}}", 2_000_001L, 77, "Когда аттестация?", VK_SECRET),
                        Updates.vkMessageEvent("ev{{n}}", 2_000_002L, "press{{n}}", "region:58", VK_SECRET),
                        Updates.vkConfirmation(VK_SECRET))
                .body("POST /api/webchat/messages", "{\"teacherId\":\"web-{{n}}\",\"fio\":\"Иванова Мария Петровна\","
                        + "\"region\":\"58\",\"orgType\":\"SCHOOL\",\"text\":\"Когда аттестация?\"}")
                .body("POST /api/webchat/callbacks", "{\"teacherId\":\"web-{{n}}\",\"payload\":\"region:58\"}")
                .body("POST /api/admin/teachers", "[{\"channel\":\"MAX\",\"platformUserId\":\"{{n}}\","
                        + "\"fio\":\"Петрова Анна Сергеевна\",\"region\":\"58\",\"orgType\":\"SCHOOL\"}]")
                .pathValue("teacherId", () -> "web-1")
                .pathValue("channel", () -> "MAX")
                .pathValue("platformUserId", () -> "1000001")
                .pathValue("messageId", () -> UUID.randomUUID().toString())
                .pathValue("id", () -> "1")
                .paramValue("status", "FAILED")
                .paramValue("channel", "MAX")
                .paramValue("limit", "10")
                .paramValue("pending", "true")
                .bearer(route -> admin)
                .run();

        // nothing accepted is stuck: every stored update was processed or set aside as failed
        await().atMost(WAIT).until(() -> count("select count(*) from inbound_updates where status = 'NEW'") == 0);
        long user = newUserId();
        registerTeacher(Channel.MAX, user, "Сидорова Ольга Ивановна", "58");
        postMax(Updates.maxMessageCreated(user, "mid." + UUID.randomUUID(), "Как подать заявление на аттестацию?"))
                .expectStatus().isOk();
        await().atMost(WAIT).until(() -> teacherId(Channel.MAX, user) != null);
        String teacher = teacherId(Channel.MAX, user);
        KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()), WAIT);
    }
}
