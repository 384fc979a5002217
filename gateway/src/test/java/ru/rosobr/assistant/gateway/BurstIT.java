package ru.rosobr.assistant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import ru.rosobr.assistant.testkit.TestJwt;

/**
 * The national peak in miniature: 2,000 webhooks at once through the gateway to a backend that takes 50 ms each.
 * A healthy backend means no 503 at all; a backend that is really down still opens the breaker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BurstIT {

    static final LoopbackBackend intake = new LoopbackBackend("intake", Duration.ofMillis(50));

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", intake::url);
        String down = LoopbackBackend.refusingUrl();
        registry.add("ANSWER_URL", () -> down);
        registry.add("ASSISTANT_JWKS_URI", TestJwt::jwksUri);
        registry.add("assistant.revocations.enabled", () -> "false"); // RevocationIT covers them, with a broker
    }

    @AfterAll
    static void stop() {
        intake.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void twoThousandConcurrentWebhooksToAHealthyBackendGetNo503() {
        int n = 2_000;
        ConnectionProvider connections = ConnectionProvider.builder("burst").maxConnections(n)
                .pendingAcquireMaxCount(-1).build();
        HttpClient client = HttpClient.create(connections).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60));
        try {
            List<Integer> statuses = Flux.range(0, n)
                    .flatMap(i -> client.headers(h -> h.set("Content-Type", "application/json"))
                            .post().uri("/webhooks/max")
                            .send(ByteBufFlux.fromString(Mono.just(PlatformUpdates.maxMessage(100_000 + i))))
                            .responseSingle((r, body) -> body.then(Mono.just(r.status().code())))
                            .onErrorResume(e -> Mono.just(-1)), n)
                    .collectList()
                    .block(Duration.ofMinutes(3));
            Map<Integer, Long> byStatus = statuses.stream()
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            assertThat(byStatus).as("statuses of %d concurrent webhooks", n).isEqualTo(Map.of(200, (long) n));
            assertThat(intake.requests.get()).isEqualTo(n);
            assertThat(breakers.circuitBreaker("intake").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aBackendThatIsReallyDownOpensTheBreakerAndGets503WithABody() {
        HttpClient client = HttpClient.create().baseUrl("http://127.0.0.1:" + port);
        for (int i = 0; i < 30; i++) {
            Reply r = post(client);
            assertThat(r.status).isEqualTo(503);
            assertThat(r.body).contains("\"service\":\"answer-service\"").contains("Сервис временно недоступен");
        }
        assertThat(breakers.circuitBreaker("answer").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        Reply whileOpen = post(client);
        assertThat(whileOpen.status).isEqualTo(503);
        assertThat(whileOpen.body).contains("service_unavailable");
    }

    record Reply(int status, String body) {
    }

    private static Reply post(HttpClient client) {
        return client.headers(h -> h.set("Content-Type", "application/json"))
                .post().uri("/api/answers/preview")
                .send(ByteBufFlux.fromString(Mono.just("{\"text\":\"КТП\"}")))
                .responseSingle((r, body) -> body.asString().defaultIfEmpty("")
                        .map(b -> new Reply(r.status().code(), b)))
                .block(Duration.ofSeconds(30));
    }
}
