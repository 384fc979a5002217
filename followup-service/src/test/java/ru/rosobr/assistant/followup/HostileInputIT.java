package ru.rosobr.assistant.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.HostileRoutes;

/**
 * Every route of followup-service answers hostile input with a 4xx, never a 5xx (a replica of its own: real
 * PostgreSQL, broker).
 */
class HostileInputIT {

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        HostileRoutes.runOnReplica(FollowupServiceApplication.class, "followup_hostile", routes -> {
            // the platform's dead-letter admin API is there, as in every other service
            assertThat(routes.routes()).extracting(HostileRoutes.Route::key)
                    .contains("GET /api/admin/dead-letters/followup-service",
                            "POST /api/admin/dead-letters/followup-service/{id}/replay");
            routes.body("POST /api/campaigns/preview", "{\"regions\":[\"58\"],\"orgTypes\":[\"SCHOOL\"],"
                            + "\"channels\":[\"MAX\"],"
                            + "\"teacherIds\":null}")
                    .body("POST /api/campaigns", "{\"title\":\"Опрос\",\"text\":\"Пройдите опрос\","
                            + "\"buttons\":[{\"text\":\"Да\"}],"
                            + "\"audience\":{\"regions\":[\"58\"],\"orgTypes\":null,\"channels\":null,"
                            + "\"teacherIds\":null},"
                            + "\"ratePerSecond\":5,\"startAt\":\"2026-03-10T10:30:00Z\"}")
                    .pathValue("id", () -> UUID.randomUUID().toString())
                    .paramValue("region", "58")
                    .paramValue("from", "2026-03-10T10:30:00Z")
                    .paramValue("days", "5")
                    .paramValue("limit", "10");
        });
    }
}
