package ru.rosobr.assistant.analytics;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.HostileRoutes;

/**
 * Every route of analytics-service answers hostile input with a 4xx, never a 5xx (a replica of its own: real
 * PostgreSQL, broker).
 */
class HostileInputIT {

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        HostileRoutes.runOnReplica(AnalyticsServiceApplication.class, "analytics_hostile", routes -> routes
                .paramValue("from", "2026-01-01")
                .paramValue("to", "2026-03-31")
                .paramValue("region", "58"));
    }
}
