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

import ru.rosobr.assistant.testkit.TestJwt;

/** A *_URL may list several instances: requests go round-robin, and an instance that refuses connections is skipped. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "GATEWAY_RATE_LIMIT_ENABLED=false")
class BalancingIT {

    static final LoopbackBackend intakeA = new LoopbackBackend("intake-a", Duration.ZERO);
    static final LoopbackBackend intakeB = new LoopbackBackend("intake-b", Duration.ZERO);
    static final LoopbackBackend answer = new LoopbackBackend("answer", Duration.ofMillis(5));
    static final LoopbackBackend routing = new LoopbackBackend("routing", Duration.ZERO);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", () -> intakeA.url() + "," + intakeB.url());
        // one of two answer-service instances is down (nothing listens there)
        String down = LoopbackBackend.refusingUrl();
        registry.add("ANSWER_URL", () -> down + ", " + answer.url());
        registry.add("ROUTING_URL", routing::url);
        registry.add("ASSISTANT_JWKS_URI", TestJwt::jwksUri);
        registry.add("assistant.revocations.enabled", () -> "false"); // RevocationIT covers them, with a broker
    }

    @AfterAll
    static void stop() {
        intakeA.close();
        intakeB.close();
        answer.close();
        routing.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void requestsGoRoundRobinOverTheInstances() {
        HttpClient client = client();
        for (int i = 0; i < 20; i++) {
            assertThat(client.get().uri("/api/webchat/history?session=s").responseSingle((r, b) ->
                    Mono.just(r.status().code())).block(Duration.ofSeconds(10))).isEqualTo(200);
        }
        assertThat(intakeA.requests.get()).isEqualTo(10);
        assertThat(intakeB.requests.get()).isEqualTo(10);
    }

    @Test
    void aSingleUrlWorksAsBefore() {
        assertThat(client().get().uri("/api/routing/operators").responseSingle((r, b) ->
                b.asString().map(body -> r.status().code() + " " + body)).block(Duration.ofSeconds(10)))
                .isEqualTo("200 {\"backend\":\"routing\"}");
    }

    @Test
    void anInstanceThatRefusesConnectionsIsSkippedForEveryMethod() {
        HttpClient client = client();
        int n = 200;
        Map<Integer, Long> statuses = Flux.range(0, n)
                .flatMap(i -> (i % 2 == 0
                        ? client.get().uri("/api/kb/entries")
                        : client.headers(h -> h.set("Content-Type", "application/json")).post()
                                .uri("/api/answers/preview").send(ByteBufFlux.fromString(Mono.just("{\"text\":\"КТП\"}"))))
                        .responseSingle((r, b) -> b.then(Mono.just(r.status().code())))
                        .onErrorResume(e -> Mono.just(-1)), 50)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .block(Duration.ofMinutes(1));
        assertThat(statuses).isEqualTo(Map.of(200, (long) n));
        assertThat(answer.requests.get()).isEqualTo(n);
        assertThat(breakers.circuitBreaker("answer").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aServerErrorIsNotRepeated() {
        int before = routing.requests.get();
        assertThat(client().headers(h -> h.set("Content-Type", "application/json")).post().uri("/api/routing/fail")
                .send(ByteBufFlux.fromString(Mono.just("{}")))
                .responseSingle((r, b) -> b.then(Mono.just(r.status().code()))).block(Duration.ofSeconds(10)))
                .isEqualTo(500);
        assertThat(client().get().uri("/api/routing/fail").responseSingle((r, b) -> b.then(Mono.just(r.status().code())))
                .block(Duration.ofSeconds(10))).isEqualTo(500);
        assertThat(routing.requests.get() - before).as("each request reached the service once").isEqualTo(2);
    }

    private HttpClient client() {
        return HttpClient.create().baseUrl("http://127.0.0.1:" + port);
    }
}
