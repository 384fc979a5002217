package ru.rosobr.assistant.intake;

import static ru.rosobr.assistant.testkit.AccessMatrix.Role.ADMIN;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import ru.rosobr.assistant.intake.support.Updates;
import ru.rosobr.assistant.testkit.AccessMatrix;

/**
 * Every route of the service against the access table below (also the README's «Матрица доступа»): the admin API
 * takes ADMIN only; the webhooks take no token but refuse a call without the platform's secret; the web chat (a
 * demo channel, off in production) and the simulator are open. Nothing here is bound to a region.
 */
class AccessMatrixIT extends IntakeTestBase {

    @Autowired
    ApplicationContext context;

    static AccessMatrix matrix() {
        return new AccessMatrix("intake-service", "33", "58")
                .actuator()
                .apiDocs()
                .route("POST /webhooks/max").body("{}")
                        .webhook("X-Max-Bot-Api-Secret", MAX_SECRET, () -> "{}")
                        .note("секрет — заголовок X-Max-Bot-Api-Secret")
                .route("POST /webhooks/vk").body(() -> Updates.vkConfirmation("wrong-secret"))
                        .webhook(null, null, () -> Updates.vkConfirmation(VK_SECRET))
                        .note("секрет — поле secret уведомления")
                .route("POST /api/webchat/messages").open().body(Map.of())
                        .note("учебный канал, в промышленной конфигурации выключен")
                .route("GET /api/webchat/teachers/{teacherId}/messages").open().var("teacherId", () -> "authz-nobody")
                        .note("учебный канал, в промышленной конфигурации выключен")
                .route("POST /api/webchat/callbacks").open().body(Map.of())
                        .note("учебный канал, в промышленной конфигурации выключен")
                .route("GET /api/webchat/regions").open()
                .route("GET /simulator").open().note("страница симулятора, выключается вместе с веб-чатом")
                .route("GET /simulator/").open().note("страница симулятора, выключается вместе с веб-чатом")
                .route("POST /api/admin/teachers").allow(ADMIN).body("[]")
                .route("GET /api/admin/teachers").allow(ADMIN)
                .route("POST /api/admin/teachers/upload").allow(ADMIN).body("[]")
                        .note("файл реестра CSV или XLSX телом запроса")
                .route("POST /api/admin/teachers/{channel}/{platformUserId}/disable").allow(ADMIN)
                        .var("channel", () -> "MAX").var("platformUserId", () -> "999000111")
                .route("POST /api/admin/teachers/{channel}/{platformUserId}/enable").allow(ADMIN)
                        .var("channel", () -> "MAX").var("platformUserId", () -> "999000111")
                .route("GET /api/admin/teachers/{channel}/{platformUserId}/personal-data").allow(ADMIN)
                        .var("channel", () -> "MAX").var("platformUserId", () -> "999000111")
                .route("DELETE /api/admin/teachers/{channel}/{platformUserId}/personal-data").allow(ADMIN)
                        .var("channel", () -> "MAX").var("platformUserId", () -> "999000111")
                .route("GET /api/admin/deliveries").allow(ADMIN)
                .route("POST /api/admin/deliveries/{messageId}/retry").allow(ADMIN)
                        .var("messageId", () -> UUID.randomUUID().toString())
                .route("GET /api/admin/dead-letters/intake-service").allow(ADMIN)
                .route("POST /api/admin/dead-letters/intake-service/{id}/replay").allow(ADMIN)
                        .var("id", () -> "999999999")
                .and();
    }

    @Test
    void everyRouteAdmitsExactlyWhomTheMatrixSays() {
        matrix().assertKeptBy(context, web);
    }

    @Test
    void readmeShowsTheMatrix() {
        matrix().assertShownIn(Path.of("README.md"));
    }
}
