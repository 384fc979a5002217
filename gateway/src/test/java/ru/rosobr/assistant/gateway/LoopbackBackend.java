package ru.rosobr.assistant.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.test.context.DynamicPropertyRegistry;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import ru.rosobr.assistant.testkit.TestJwt;

/**
 * A real HTTP service on loopback standing in for a backend: answers {@code /actuator/health} with a settable
 * status and every other request with {@code {"backend":"<name>"}} after an optional delay, counting them: 200, or
 * 500 for a path containing {@code /fail}.
 */
final class LoopbackBackend implements AutoCloseable {

    final String name;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicReference<String> lastBody = new AtomicReference<>();
    volatile int health = 200;
    private final DisposableServer server;

    LoopbackBackend(String name, Duration delay) {
        this.name = name;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/actuator/health", (req, res) -> res.status(health)
                                .header("Content-Type", "application/json")
                                .sendString(Mono.just(health == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}")))
                        .route(req -> true, (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
                                .flatMap(body -> {
                                    requests.incrementAndGet();
                                    lastBody.set(body);
                                    return delay.isZero() ? Mono.just(body) : Mono.delay(delay).thenReturn(body);
                                })
                                .flatMap(body -> res.status(req.uri().contains("/fail") ? 500 : 200)
                                        .header("Content-Type", "application/json")
                                        .sendString(Mono.just("{\"backend\":\"" + name + "\"}")).then())))
                .bindNow();
    }

    /** Every service of the gateway's routes is this backend; tokens are checked against the test key. */
    static void behindEveryRoute(DynamicPropertyRegistry registry, LoopbackBackend backend) {
        for (String service : List.of("INTAKE", "ANSWER", "ROUTING", "OPERATOR", "ANALYTICS", "FOLLOWUP")) {
            registry.add(service + "_URL", backend::url);
        }
        registry.add("ASSISTANT_JWKS_URI", TestJwt::jwksUri);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    /** A loopback port nothing listens on: connections to it are refused. */
    static String refusingUrl() {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
