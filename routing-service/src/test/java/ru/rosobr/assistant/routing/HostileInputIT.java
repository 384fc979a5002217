package ru.rosobr.assistant.routing;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.HostileRoutes;

/**
 * Every route of routing-service answers hostile input with a 4xx, never a 5xx (a replica of its own: real
 * PostgreSQL, broker).
 */
class HostileInputIT {

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        HostileRoutes.runOnReplica(RoutingServiceApplication.class, "routing_hostile", routes -> routes
                .body("PUT /api/routing/operators/{username}", "{\"region\":\"58\",\"onShift\":true}")
                .pathValue("username", () -> "operator58"));
    }
}
