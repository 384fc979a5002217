package ru.rosobr.assistant.followup;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.HostileRoutes;
import ru.rosobr.assistant.testkit.ServiceReplicas;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Every route of followup-service answers hostile input with a 4xx, never a 5xx (a replica of its own: real
 * PostgreSQL, broker).
 */
class HostileInputIT {

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        try (ServiceReplicas service = ServiceReplicas.start(FollowupServiceApplication.class, "followup_hostile", 1)) {
            String token = TestJwt.token("hostile", List.of("ADMIN", "FEDERAL", "OPERATOR", "KB_EDITOR"), "58");
            HostileRoutes.of(service.context(0))
                    .body("POST /api/campaigns/preview", "{\"regions\":[\"58\"],\"orgTypes\":[\"SCHOOL\"],"
                            + "\"channels\":[\"MAX\"],"
                            + "\"teacherIds\":null}")
                    .body("POST /api/campaigns", "{\"title\":\"Опрос\",\"text\":\"Пройдите опрос\","
                            + "\"buttons\":[{\"text\":\"Да\"}],"
                            + "\"audience\":{\"regions\":[\"58\"],\"orgTypes\":null,\"channels\":null,"
                            + "\"teacherIds\":null},"
                            + "\"ratePerSecond\":5,\"startAt\":\"2026-03-10T10:30:00Z\"}")
                    .pathValue("id", () -> java.util.UUID.randomUUID().toString())
                    .paramValue("region", "58")
                    .paramValue("from", "2026-03-10T10:30:00Z")
                    .paramValue("days", "5")
                    .paramValue("limit", "10")
                    .bearer(route -> token)
                    .run();
            // the platform's dead-letter admin API is there, as in every other service
            org.assertj.core.api.Assertions.assertThat(HostileRoutes.of(service.context(0)).routes())
                    .extracting(HostileRoutes.Route::key)
                    .contains("GET /api/admin/dead-letters/followup-service",
                            "POST /api/admin/dead-letters/followup-service/{id}/replay");
        }
    }
}
