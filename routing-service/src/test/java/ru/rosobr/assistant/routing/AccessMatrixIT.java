package ru.rosobr.assistant.routing;

import static ru.rosobr.assistant.testkit.AccessMatrix.Role.ADMIN;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.FEDERAL;
import static ru.rosobr.assistant.testkit.AccessMatrix.Role.OPERATOR;
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
 * Every route of the service against the access table below (also the README's «Матрица доступа»). Region 33 has an
 * operator on the roster; the roster of region 58's head (and of a head whose token names no region) must not list
 * them.
 */
class AccessMatrixIT extends AccessMatrixTestBase {

    private static final String OPERATOR_33 = "authz-roster-33";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "routing");
    }

    @Override
    protected AccessMatrix matrix() {
        return new AccessMatrix("routing-service", "33", "58")
                .ownRegionData(OPERATOR_33)
                .actuator()
                .apiDocs()
                .route("GET /api/routing/operators").allow(FEDERAL, ADMIN).ownRegion(REGIONAL_HEAD)
                        .listsOwnRegionData()
                .route("PUT /api/routing/operators/{username}").allow(ADMIN).var("username", () -> "authz-roster-x")
                        .body(Map.of("region", "33"))
                .route("POST /api/routing/shifts/start").allow(OPERATOR).note("только своя смена, регион из токена")
                .route("POST /api/routing/shifts/end").allow(OPERATOR).note("только своя смена")
                .route("GET /api/routing/shifts/me").allow(OPERATOR).note("только своя смена")
                .route("GET /api/admin/dead-letters/routing-service").allow(ADMIN)
                .route("POST /api/admin/dead-letters/routing-service/{id}/replay").allow(ADMIN)
                        .var("id", () -> "999999999")
                .and();
    }

    @Override
    protected void prepare() {
        web.put().uri("/api/routing/operators/" + OPERATOR_33)
                .header("Authorization", "Bearer " + TestJwt.token("admin", List.of("ADMIN"), null))
                .bodyValue(Map.of("region", "33")).exchange().expectStatus().isOk();
    }
}
