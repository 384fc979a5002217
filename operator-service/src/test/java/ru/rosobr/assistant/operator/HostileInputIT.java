package ru.rosobr.assistant.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.testkit.HostileRoutes;
import ru.rosobr.assistant.testkit.ServiceReplicas;

/**
 * Every route of operator-service (login, console, admin) answers hostile input with a 4xx, never a 5xx; and the
 * console still works for everybody afterwards. A replica of its own (real PostgreSQL and broker): the lockouts, users
 * and metrics the tries leave behind stay out of the other tests' shared context.
 */
class HostileInputIT {

    static ServiceReplicas service;

    @BeforeAll
    static void start() {
        service = ServiceReplicas.start(OperatorServiceApplication.class, "operator_hostile", 1,
                "assistant.demo-data=true");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static WebTestClient web() {
        return service.web(0);
    }

    private static String login(String username) {
        Map<?, ?> body = web().post().uri("/api/auth/login").bodyValue(Map.of("username", username, "password", "demo"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    private static WebTestClient.RequestHeadersSpec<?> get(String token, String uri) {
        return web().get().uri(uri).header("Authorization", "Bearer " + token);
    }

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        String admin = login("admin");
        String operator = login("operator58");
        String editor = login("kbeditor");
        String federal = login("federal");
        AppealAssigned assigned = AppealAssigned.of(UUID.randomUUID(), "58", AppealAssigned.Target.OPERATOR,
                "operator58", "UNMATCHED:LEAST_LOADED_ON_SHIFT", "t-" + UUID.randomUUID(), "Кузнецова Ольга Викторовна",
                OrgType.SCHOOL, "Обязан ли учитель составлять отчёт о посещаемости?", Instant.now(), "reports",
                "Кандидат ответа", 0.37);
        service.publish(Topics.APPEAL_ASSIGNED, assigned);
        String appeal = assigned.appealId().toString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(operator, "/api/console/appeals/" + appeal).exchange().expectStatus().isOk());
        web().post().uri("/api/console/users").header("Authorization", "Bearer " + admin)
                .bodyValue(Map.of("username", "hostile.target", "password", "Мишень-пароль-1",
                        "roles", List.of("FEDERAL"))).exchange().expectStatus().isCreated();

        HostileRoutes.of(service.context(0))
                .publicRoutes("POST /api/auth/login", "POST /api/auth/refresh", "GET /.well-known/jwks.json")
                .skip("GET /api/console/stream", "an event stream that never ends; its auth is tested in LiveUpdatesIT")
                .body("POST /api/auth/login", "{\"username\":\"operator33\",\"password\":\"wrong-password-1\"}")
                .body("POST /api/auth/refresh", "{\"refreshToken\":\"not-a-refresh-token-{{n}}\"}")
                .body("POST /api/auth/password", "{\"currentPassword\":\"wrong-current-1\","
                        + "\"newPassword\":\"Новый-пароль-12\"}")
                .body("POST /api/console/users", "{\"username\":\"u{{n}}\",\"password\":\"Пароль-{{n}}x\","
                        + "\"roles\":[\"FEDERAL\"],\"region\":null,\"fullName\":\"Проверка Ввода\",\"enabled\":true}")
                .body("PUT /api/console/users/{username}", "{\"fullName\":\"Мишень Проверки\",\"enabled\":true,"
                        + "\"roles\":[\"FEDERAL\"],\"region\":null}")
                .body("POST /api/console/appeals/{id}/replies", "{\"text\":\"Ответ оператора\",\"version\":1}")
                .body("POST /api/console/appeals/{id}/judgement", "{\"verdict\":\"CORRECT\",\"comment\":\"ok\","
                        + "\"version\":1}")
                .body("POST /api/console/appeals/{id}/escalate", "{\"reason\":\"Нужен руководитель\",\"version\":1}")
                .body("POST /api/console/appeals/{id}/status", "{\"status\":\"IN_PROGRESS\",\"version\":1}")
                .body("POST /api/console/appeals/{id}/reassign", "{\"operator\":\"operator58\",\"comment\":\"x\","
                        + "\"version\":1}")
                .body("POST /api/console/appeals/{id}/take-control", "{\"version\":1}")
                .body("POST /api/console/appeals/{id}/kb-drafts", "{\"topic\":\"reports\",\"audience\":\"SCHOOL\","
                        + "\"question\":\"Вопрос?\",\"phrasings\":[\"Как?\",\"Когда?\"],\"answer\":\"Ответ\","
                        + "\"legalBasis\":\"Приказ 1\"}")
                .body("POST /api/console/kb-drafts/{id}/verify", "{\"answer\":\"Ответ\",\"phrasings\":[\"Как?\"]}")
                .body("POST /api/console/kb-drafts/{id}/reject", "{\"reason\":\"Неточно\"}")
                .pathValue("id", () -> appeal)
                .pathValue("username", () -> "hostile.target")
                .pathValue("columnId", () -> "NEW")
                .paramValue("status", "NEW")
                .paramValue("from", "2025-01-01")
                .paramValue("to", "2025-12-31")
                .paramValue("limit", "10")
                .paramValue("region", "58")
                .paramValue("sort", "deadline")
                .bearer(route -> route.key().equals("POST /api/auth/logout") ? login("head58")
                        : route.key().equals("POST /api/auth/password") ? federal
                        : route.pattern().startsWith("/api/console/kb-drafts") ? editor
                        : route.pattern().startsWith("/api/console/appeals")
                        || route.pattern().startsWith("/api/console/kanban") ? operator
                        : admin)
                .run();

        // the service still serves everybody: the tokens, the appeal and the directory are intact
        get(operator, "/api/console/appeals/" + appeal).exchange().expectStatus().isOk();
        get(admin, "/api/console/users").exchange().expectStatus().isOk();
        login("admin");
    }
}
