package ru.rosobr.assistant.analytics;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.HostileRoutes;
import ru.rosobr.assistant.testkit.ServiceReplicas;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Every route of analytics-service answers hostile input with a 4xx, never a 5xx (a replica of its own: real
 * PostgreSQL, broker).
 */
class HostileInputIT {

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        try (ServiceReplicas service = ServiceReplicas.start(AnalyticsServiceApplication.class,
                "analytics_hostile", 1)) {
            String token = TestJwt.token("hostile", List.of("ADMIN", "FEDERAL", "OPERATOR", "KB_EDITOR"), "58");
            HostileRoutes.of(service.context(0))
                    .paramValue("from", "2026-01-01")
                    .paramValue("to", "2026-03-31")
                    .paramValue("region", "58")
                    .bearer(route -> token)
                    .run();

        }
    }
}
