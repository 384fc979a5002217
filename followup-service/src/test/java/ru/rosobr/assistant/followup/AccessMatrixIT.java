package ru.rosobr.assistant.followup;

import static ru.rosobr.assistant.testkit.AccessMatrix.Role.ADMIN;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.FEDERAL;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.REGIONAL_HEAD;

import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.rosobr.assistant.testkit.AccessMatrix;
import ru.rosobr.assistant.testkit.AccessMatrixTestBase;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Every route of the service against the access table below (also the README's «Матрица доступа»). Region 33 has a
 * campaign; the heads of region 58 (and a head whose token names no region) must not see or touch it.
 */
class AccessMatrixIT extends AccessMatrixTestBase {

    private static final String TITLE = "Опрос о нагрузке педагогов Владимирской области";
    private static volatile String campaignId = "00000000-0000-0000-0000-000000000000";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "followup");
    }

    @Override
    protected AccessMatrix matrix() {
        return new AccessMatrix("followup-service", "33", "58")
                .var("id", () -> campaignId)
                .ownRegionData(TITLE, campaignId)
                .actuator()
                .apiDocs()
                .route("GET /api/followup/deadline").open().query("region=58")
                        .note("расчёт срока по календарю, без данных обращений")
                .route("POST /api/campaigns/preview").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                        .body(Map.of("regions", List.of("33")))
                .route("POST /api/campaigns").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                        .body(Map.of("title", "", "text", ""))
                .route("GET /api/campaigns").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD).listsOwnRegionData()
                .route("GET /api/campaigns/{id}").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                        .listsOwnRegionData()
                .route("GET /api/campaigns/{id}/regions").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                .route("GET /api/campaigns/{id}/failures").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                .route("POST /api/campaigns/{id}/start").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                .route("POST /api/campaigns/{id}/pause").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                .route("POST /api/campaigns/{id}/resume").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                .route("POST /api/campaigns/{id}/cancel").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                .route("GET /api/admin/dead-letters/followup-service").allow(ADMIN)
                .route("POST /api/admin/dead-letters/followup-service/{id}/replay").allow(ADMIN)
                        .var("id", () -> "999999999")
                .and();
    }

    @Override
    protected void prepare() {
        Map<?, ?> created = web.post().uri("/api/campaigns")
                .header("Authorization", "Bearer " + TestJwt.token("head33", List.of("REGIONAL_HEAD"), "33"))
                .bodyValue(Map.of("title", TITLE, "text", "Коллеги, ответьте, пожалуйста, на три вопроса.",
                        "audience", Map.of("regions", List.of("33"))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        campaignId = String.valueOf(created.get("id"));
    }
}
