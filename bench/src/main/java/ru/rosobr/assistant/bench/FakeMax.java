package ru.rosobr.assistant.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MAX Bot API as the bot sees it, on loopback: {@code POST /messages?user_id=…} answers with the message
 * object MAX returns, {@code POST /answers?callback_id=…} and {@code POST /subscriptions} with
 * {@code {"success":true}}. Every call is handed to the listener with its arrival time. Its own event loop
 * ("fake-max-…" threads), so its CPU share can be told apart from the driver's.
 */
final class FakeMax implements AutoCloseable {

    /** A bot message to a user ({@code /messages}), or a callback answer ({@code /answers}, userId 0). */
    record Received(long nanos, long userId, String callbackId, String text, List<String> payloads) {
    }

    static final String THREAD_PREFIX = "fake-max";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DisposableServer server;
    private final LoopResources loop;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong mid = new AtomicLong();

    FakeMax(Consumer<Received> listener) {
        this(listener, 0);
    }

    /** @param port 0 for any free port */
    FakeMax(Consumer<Received> listener, int port) {
        loop = LoopResources.create(THREAD_PREFIX, 1, true);
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .runOn(loop)
                .route(routes -> routes
                        .post("/messages", (req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8)
                                .defaultIfEmpty("{}")
                                .flatMap(body -> message(req, res, body, listener)))
                        .post("/answers", (req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8)
                                .defaultIfEmpty("{}")
                                .flatMap(body -> answer(req, res, body, listener)))
                        .post("/subscriptions", (req, res) -> req.receive().then(json(res, "{\"success\":true}"))))
                .bindNow();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    long messages() {
        return messages.get();
    }

    long answers() {
        return answers.get();
    }

    private Mono<Void> message(HttpServerRequest req, HttpServerResponse res, String body,
                               Consumer<Received> listener) {
        long now = System.nanoTime();
        long userId;
        try {
            userId = Long.parseLong(query(req, "user_id"));
        } catch (NumberFormatException e) {
            return res.status(HttpResponseStatus.BAD_REQUEST).sendString(Mono.just("{\"code\":\"bad.request\"}")).then();
        }
        JsonNode node = JSON.readTree(body);
        String text = node.path("text").asString("");
        List<String> payloads = new ArrayList<>();
        for (JsonNode attachment : node.path("attachments")) {
            for (JsonNode row : attachment.path("payload").path("buttons")) {
                for (JsonNode button : row) {
                    payloads.add(button.path("payload").asString(""));
                }
            }
        }
        messages.incrementAndGet();
        listener.accept(new Received(now, userId, null, text, payloads));
        // the SendMessageResult of MAX: the message as stored, with its id
        String reply = "{\"message\":{\"recipient\":{\"chat_type\":\"dialog\",\"user_id\":" + userId
                + "},\"timestamp\":" + System.currentTimeMillis() + ",\"body\":{\"mid\":\"fake." + mid.incrementAndGet()
                + "\",\"text\":" + JSON.writeValueAsString(text) + "}}}";
        return json(res, reply);
    }

    private Mono<Void> answer(HttpServerRequest req, HttpServerResponse res, String body,
                              Consumer<Received> listener) {
        long now = System.nanoTime();
        String callbackId = query(req, "callback_id");
        String text = JSON.readTree(body).path("notification").asString("");
        answers.incrementAndGet();
        listener.accept(new Received(now, 0, callbackId, text, List.of()));
        return json(res, "{\"success\":true}");
    }

    private static String query(HttpServerRequest req, String name) {
        List<String> values = new QueryStringDecoder(req.uri()).parameters().get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static Mono<Void> json(HttpServerResponse res, String body) {
        return res.header("Content-Type", "application/json").sendString(Mono.just(body)).then();
    }

    @Override
    public void close() {
        server.disposeNow();
        loop.disposeLater().block();
    }
}
