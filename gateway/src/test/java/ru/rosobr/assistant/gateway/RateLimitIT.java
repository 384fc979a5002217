package ru.rosobr.assistant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.testkit.TestJwt;

/** A client that exceeds its budget gets 429; within the budget requests pass on to the (down) service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"GATEWAY_RATE_BURST=3", "GATEWAY_RATE_PER_SECOND=1", "ANSWER_URL=http://127.0.0.1:9"})
@AutoConfigureWebTestClient
class RateLimitIT {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ASSISTANT_JWT_SECRET", () -> TestJwt.SECRET);
    }

    @Autowired
    WebTestClient web;

    @Test
    void burstBeyondTheBudgetIsRefusedWith429() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(web.post().uri("/api/answers/preview").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "КТП")).exchange().returnResult(String.class).getStatus().value());
        }
        assertThat(statuses.subList(0, 3)).containsOnly(503); // passed the limiter; the service is down
        assertThat(statuses.subList(3, 6)).contains(429);
    }
}
