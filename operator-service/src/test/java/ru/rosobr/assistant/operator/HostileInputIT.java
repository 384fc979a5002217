package ru.rosobr.assistant.operator;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import ru.rosobr.assistant.testkit.HostileRoutes;

/**
 * Every route of operator-service (login, console, admin) answers hostile input with a 4xx, never a 5xx; and the
 * console still works for everybody afterwards.
 */
class HostileInputIT extends OperatorTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        String admin = login("admin");
        String operator = login("operator58");
        String editor = login("kbeditor");
        String federal = login("federal");
        String appeal = assign("58", "operator58").appealId().toString();
        awaitCard(operator, appeal == null ? null : java.util.UUID.fromString(appeal));
        post(admin, "/api/console/users", Map.of("username", "hostile.target", "password", "Мишень-пароль-1",
                "roles", java.util.List.of("FEDERAL"))).exchange().expectStatus().isCreated();

        HostileRoutes.of(context)
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
