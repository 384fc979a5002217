package ru.rosobr.assistant.analytics;

import static org.awaitility.Awaitility.await;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.ADMIN;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.FEDERAL;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.OPERATOR;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.REGIONAL_HEAD;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.testkit.AccessMatrix;
import ru.rosobr.assistant.testkit.AccessMatrixTestBase;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Every route of the service against the access table below (also the README's «Матрица доступа»). On the day of
 * the test only region 33 has an appeal: the per-region figures of region 58's users must not name region 33
 * (checked on the region list, asked for region 33 by name, and on the summary, asked for no region; the daily and
 * topic figures and the workbook are checked for status only, their rows carry no region).
 */
class AccessMatrixIT extends AccessMatrixTestBase {

    private static final String DAY = "2026-01-05";
    private static final String PERIOD = "from=" + DAY + "&to=" + DAY;
    private static final String REGION_33 = "Владимирская область";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "analytics");
    }

    @Override
    protected AccessMatrix matrix() {
        return new AccessMatrix("analytics-service", "33", "58")
                .ownRegionData(REGION_33)
                .actuator(false, "служебный, шлюз не проксирует")
                .apiDocs()
                .route("GET /api/analytics/summary").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .query(PERIOD).listsOwnRegionData()
                .route("GET /api/analytics/regions").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .query(PERIOD + "&region=33").listsOwnRegionData()
                .route("GET /api/analytics/daily").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .query(PERIOD)
                .route("GET /api/analytics/topics").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .query(PERIOD)
                .route("GET /api/analytics/report.xlsx").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .query(PERIOD)
                .route("GET /api/analytics/campaigns").allow(FEDERAL, ADMIN).ownRegion(OPERATOR, REGIONAL_HEAD)
                        .query(PERIOD + "&region=33")
                .route("GET /api/analytics/kb-growth").allow(OPERATOR, REGIONAL_HEAD, FEDERAL, ADMIN)
                        .note("рост базы знаний общий для всех регионов")
                .route("POST /api/analytics/admin/rebuild").allow(ADMIN)
                .route("GET /api/admin/dead-letters/analytics-service").allow(ADMIN)
                .route("POST /api/admin/dead-letters/analytics-service/{id}/replay").allow(ADMIN)
                        .var("id", () -> "999999999")
                .and();
    }

    @Override
    protected void prepare() {
        UUID appeal = UUID.randomUUID();
        KafkaProbe.publish(Topics.APPEAL_RECEIVED, TestEvents.received(appeal, "33",
                Instant.parse(DAY + "T09:00:00Z")));
        String federal = TestJwt.token("federal", List.of("FEDERAL"), null);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> web.get().uri("/api/analytics/regions?" + PERIOD)
                .header("Authorization", "Bearer " + federal).exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> {
                    if (!body.contains(REGION_33)) {
                        throw new AssertionError("region 33 not projected yet: " + body);
                    }
                }));
    }
}
