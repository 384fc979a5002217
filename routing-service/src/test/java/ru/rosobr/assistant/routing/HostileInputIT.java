package ru.rosobr.assistant.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.HostileRoutes;
import ru.rosobr.assistant.testkit.ServiceReplicas;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Every route of routing-service answers hostile input with a 4xx, never a 5xx (a replica of its own: real
 * PostgreSQL, broker).
 */
class HostileInputIT {

    @Test
    void everyRouteRefusesHostileInputWithoutAServerError() {
        try (ServiceReplicas service = ServiceReplicas.start(RoutingServiceApplication.class, "routing_hostile", 1)) {
            String token = TestJwt.token("hostile", List.of("ADMIN", "FEDERAL", "OPERATOR", "KB_EDITOR"), "58");
            HostileRoutes.of(service.context(0))
                    .body("PUT /api/routing/operators/{username}", "{\"region\":\"58\",\"onShift\":true}")
                    .pathValue("username", () -> "operator58")
                    .bearer(route -> token)
                    .run();

        }
    }
}
