package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.testkit.LocalPostgres;

/**
 * The whole system as a user meets it: the seven service jars, a real KRaft broker and PostgreSQL, driven through
 * the gateway only — both paths of the thin slice (AI answer, operator answer) and the rating reaching analytics.
 * The stack is the JVM's {@link SharedStack} (the browser test uses the same one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    private DevStack stack;
    private String base;
    private static final String RATED_REGION = "14";
    private final String teacher = "e2e-" + UUID.randomUUID();
    private final String rater = "e2e-rater-" + UUID.randomUUID();

    @BeforeAll
    void startStack() {
        stack = SharedStack.get();
        base = stack.gatewayUrl();
        assertThat(LocalPostgres.findRunning().isPresent() || stack.postgres().embedded() != null).isTrue();
    }

    @Test
    @Order(1)
    void coveredQuestionIsAnsweredByTheAiWithRatingButtonsAndTheRatingIsCounted() {
        // a region no other test of the shared stack uses, so its average rating is this test's rating alone
        post("/api/webchat/messages", null, Map.of("teacherId", rater, "fio", "Иванова Мария Петровна",
                "region", RATED_REGION, "orgType", "SCHOOL",
                "text", "Нужно ли вести календарно-тематическое планирование отдельным документом?"), 202);

        AtomicReference<String> ratePayload = new AtomicReference<>();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode messages = get("/api/webchat/teachers/" + rater + "/messages", null);
            JsonNode answer = outgoingWithButton(messages, "rate:");
            assertThat(answer).as("an AI answer with rating buttons").isNotNull();
            ratePayload.set(buttonPayload(answer, "rate:"));
        });
        String payload = ratePayload.get().replaceAll(":\\d$", ":5");
        post("/api/webchat/callbacks", null, Map.of("teacherId", rater, "payload", payload), 200);
    }

    @Test
    @Order(2)
    void uncoveredQuestionGoesToTheRegionalOperatorWhoseReplyReachesTheTeacher() throws Exception {
        // other tests of the shared stack ask the same question in the same region: the marker tells this one apart
        String question = "Какие документы нужно подготовить к аттестации на первую квалификационную категорию? "
                + "Школа № " + (100 + Math.floorMod(teacher.hashCode(), 900));
        post("/api/webchat/messages", null, Map.of("teacherId", teacher, "fio", "Петрова Анна Сергеевна",
                "region", "58", "orgType", "SCHOOL", "text", question), 202);

        String operator = login("operator58");
        AtomicReference<String> appealId = new AtomicReference<>();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode list = get("/api/console/appeals", operator);
            for (JsonNode a : list) {
                if (question.equals(a.path("text").asString())) {
                    appealId.set(a.path("id").asString());
                }
            }
            assertThat(appealId.get()).as("the appeal in operator58's list").isNotNull();
        });

        // the other region's operator does not see it
        String other = login("operator33");
        JsonNode otherList = get("/api/console/appeals", other);
        for (JsonNode a : otherList) {
            assertThat(a.path("id").asString()).isNotEqualTo(appealId.get());
        }

        String reply = "Документы для аттестации определяет порядок аттестации педагогических работников; "
                + "специалист региона подготовит подробный ответ. " + UUID.randomUUID();
        post("/api/console/appeals/" + appealId.get() + "/replies", operator, Map.of("text", reply), 201);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode messages = get("/api/webchat/teachers/" + teacher + "/messages", null);
            boolean seen = false;
            for (JsonNode m : messages) {
                seen |= "OUT".equals(m.path("direction").asString()) && m.path("text").asString().contains(reply);
            }
            assertThat(seen).as("the operator's reply in the teacher's chat").isTrue();
        });
    }

    @Test
    @Order(3)
    void analyticsCountsTheRegion() {
        String federal = login("federal");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode summary = get("/api/analytics/summary", federal);
            JsonNode r58 = region(summary, "58");
            JsonNode rated = region(summary, RATED_REGION);
            assertThat(r58).isNotNull();
            assertThat(r58.path("received").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(r58.path("routed").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(r58.path("answered").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(rated).isNotNull();
            assertThat(rated.path("received").asLong()).isEqualTo(1);
            assertThat(rated.path("autoAnswered").asLong()).isEqualTo(1);
            assertThat(rated.path("ratingCount").asLong()).isEqualTo(1);
            assertThat(rated.path("ratingAvg").asDouble()).isEqualTo(5.0);
        });
    }

    private static JsonNode region(JsonNode summary, String code) {
        for (JsonNode r : summary) {
            if (code.equals(r.path("region").asString())) {
                return r;
            }
        }
        return null;
    }

    @Test
    @Order(4)
    void badInputIsRefusedClearly() throws Exception {
        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/webchat/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"teacherId\": ")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).isNotBlank();

        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/console/appeals"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);

        HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create(base + "/console/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        HttpResponse<String> simulator = http.send(HttpRequest.newBuilder(URI.create(base + "/simulator/")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(simulator.statusCode()).isEqualTo(200);
    }

    private static JsonNode outgoingWithButton(JsonNode messages, String prefix) {
        for (JsonNode m : messages) {
            if ("OUT".equals(m.path("direction").asString()) && buttonPayload(m, prefix) != null) {
                return m;
            }
        }
        return null;
    }

    private static String buttonPayload(JsonNode message, String prefix) {
        for (JsonNode b : message.path("buttons")) {
            if (b.path("payload").asString().startsWith(prefix)) {
                return b.path("payload").asString();
            }
        }
        return null;
    }

    private String login(String user) {
        return post("/api/auth/login", null, Map.of("username", user, "password", "demo"), 200)
                .path("accessToken").asString();
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return EventCodec.mapper().readTree(r.body());
    }

    private JsonNode post(String path, String token, Object body, int expectedStatus) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(EventCodec.mapper().writeValueAsString(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(expectedStatus);
            return r.body().isBlank() ? EventCodec.mapper().nullNode() : EventCodec.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
