package ru.rosobr.assistant.operator;

import static ru.rosobr.assistant.testkit.AccessMatrix.Role.ADMIN;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.FEDERAL;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.KB_EDITOR;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.OPERATOR;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.REGIONAL_HEAD;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.testkit.AccessMatrix;

/**
 * Every route of the service against the access table below (which is also the README's «Матрица доступа»): a
 * route the table misses fails, and so does any caller who gets further or less far than the table says. Region 33
 * has an appeal and a knowledge-base draft; the users of region 58 must not see them anywhere.
 */
class AccessMatrixIT extends OperatorTestBase {

    private static volatile String appealId = "00000000-0000-0000-0000-000000000000";
    private static volatile String draftId = "00000000-0000-0000-0000-000000000000";

    AccessMatrix matrix() {
        return new AccessMatrix("operator-service", "33", "58")
                .var("id", () -> appealId)
                .ownRegionData(appealId, draftId)
                .actuator()
                .apiDocs()
                .route("POST /api/auth/login").open().body(Map.of("username", "kbeditor", "password", "demo"))
                .route("POST /api/auth/refresh").open()
                        .body(() -> Map.of("refreshToken", session("kbeditor").get("refreshToken")))
                .route("GET /.well-known/jwks.json").open()
                .route("GET /api/auth/me").anyRole()
                .route("POST /api/auth/logout").anyRole()
                .route("POST /api/auth/password").anyRole().body(Map.of("currentPassword", "wrong",
                        "newPassword", "Другой-пароль-2026"))
                .route("GET /api/console/appeals").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .query("size=200").listsOwnRegionData()
                .route("GET /api/console/appeals/export.csv").allow(FEDERAL, ADMIN)
                        .ownRegion(OPERATOR, REGIONAL_HEAD).listsOwnRegionData()
                .route("GET /api/console/appeals/counters").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                .route("GET /api/console/kanban").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .listsOwnRegionData()
                .route("GET /api/console/kanban/{columnId}").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .var("columnId", () -> "ANSWERED").query("limit=100").listsOwnRegionData()
                .route("GET /api/console/appeals/{id}").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .listsOwnRegionData()
                .route("GET /api/console/stream").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .streaming()
                .route("POST /api/console/appeals/{id}/judgement").allow(FEDERAL, ADMIN)
                        .ownRegion(OPERATOR, REGIONAL_HEAD).body(Map.of("verdict", "CORRECT"))
                .route("POST /api/console/appeals/{id}/status").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .body(Map.of("status", "IN_PROGRESS"))
                .route("POST /api/console/appeals/{id}/replies").allow(FEDERAL, ADMIN)
                        .ownRegion(OPERATOR, REGIONAL_HEAD).body(Map.of("text", "Проверка прав доступа: ответ."))
                .route("POST /api/console/appeals/{id}/escalate").ownRegion(OPERATOR, REGIONAL_HEAD)
                        .body(Map.of("reason", ""))
                        .note("только сотрудник региона (пустая причина в тесте — без смены состояния)")
                .route("POST /api/console/appeals/{id}/reassign").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                        .body(Map.of("operator", "operator33"))
                .route("POST /api/console/appeals/{id}/take-control").allow(FEDERAL)
                .route("POST /api/console/appeals/{id}/kb-drafts").allow(FEDERAL).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .body(Map.of("topic", "journals"))
                .route("GET /api/console/kb-drafts").allow(FEDERAL, KB_EDITOR, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .note("оператор и руководитель видят только свои черновики")
                .route("GET /api/console/kb-drafts/{id}").allow(FEDERAL, KB_EDITOR, ADMIN)
                        .ownRegion(OPERATOR, REGIONAL_HEAD).var("id", () -> draftId)
                        .note("оператор и руководитель видят только свои черновики")
                .route("POST /api/console/kb-drafts/{id}/verify").allow(FEDERAL, KB_EDITOR)
                        .var("id", () -> UUID.randomUUID().toString())
                .route("POST /api/console/kb-drafts/{id}/reject").allow(FEDERAL, KB_EDITOR)
                        .var("id", () -> UUID.randomUUID().toString()).body(Map.of("reason", "Проверка прав"))
                .route("GET /api/console/audit").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                        .query("appealId=" + appealId)
                .route("GET /api/console/users").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                .route("POST /api/console/users").allow(ADMIN).body(Map.of())
                .route("PUT /api/console/users/{username}").allow(ADMIN).var("username", () -> "authz-nobody")
                        .body(Map.of())
                .route("GET /api/admin/dead-letters/operator-service").allow(ADMIN)
                .route("POST /api/admin/dead-letters/operator-service/{id}/replay").allow(ADMIN)
                        .var("id", () -> "999999999")
                .and();
    }

    @Autowired
    ApplicationContext context;

    private Map<?, ?> session(String username) {
        return web.post().uri("/api/auth/login").bodyValue(Map.of("username", username, "password", "demo"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void everyRouteAdmitsExactlyWhomTheMatrixSays() {
        String op33 = login("operator33");
        AppealAssigned e = assign("33", "operator33");
        awaitCard(op33, e.appealId());
        post(op33, "/api/console/appeals/" + e.appealId() + "/replies", Map.of("text", "Нет, не обязан."))
                .exchange().expectStatus().isCreated();
        Map<?, ?> draft = post(op33, "/api/console/appeals/" + e.appealId() + "/kb-drafts",
                Map.of("topic", "journals")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        appealId = e.appealId().toString();
        draftId = String.valueOf(draft.get("id"));

        matrix().assertKeptBy(context, web);
    }

    @Test
    void readmeShowsTheMatrix() {
        matrix().assertShownIn(Path.of("README.md"));
    }
}
