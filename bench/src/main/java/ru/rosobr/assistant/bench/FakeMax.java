package ru.rosobr.assistant.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * ("fake-max-…" threads), so its CPU share can be told apart from the driver's. Made {@link #keepingDialogs()}, it
 * also keeps the latest messages of each dialog (its chat_id is the user's id) and serves them as MAX does on
 * {@code GET /messages?chat_id=…&count=…}, newest first — what intake reads to settle a message left in doubt by a
 * crash; off by default, so that a campaign to 1.5 million teachers does not keep them all.
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
    /** The bot's id in the dialogs (the sender of its messages). */
    private static final long BOT_USER_ID = 1;
    private static final int KEPT_PER_DIALOG = 100;
    private final Map<Long, Deque<String>> dialogs = new ConcurrentHashMap<>();
    private volatile boolean keepDialogs;
    /** While set, every call is refused with 503, as the platform does in an outage. */
    private volatile boolean unavailable;
    private final AtomicLong refused = new AtomicLong();

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
                        .post("/subscriptions", (req, res) -> req.receive().then(json(res, "{\"success\":true}")))
                        .get("/messages", this::dialog))
                .bindNow();
    }

    /** Keeps each dialog's latest messages and serves them on {@code GET /messages}. */
    FakeMax keepingDialogs() {
        keepDialogs = true;
        return this;
    }

    /** An outage of the platform: every call answers 503 until it is over. */
    void unavailable(boolean down) {
        this.unavailable = down;
    }

    /** Calls refused with 503 during outages. */
    long refused() {
        return refused.get();
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
        if (unavailable) {
            return outage(res);
        }
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
        // the SendMessageResult of MAX: the message as stored, with its id and the dialog's chat_id
        String message = "{\"sender\":{\"user_id\":" + BOT_USER_ID + ",\"name\":\"Бот\",\"is_bot\":true},"
                + "\"recipient\":{\"chat_id\":" + userId + ",\"chat_type\":\"dialog\",\"user_id\":" + userId
                + "},\"timestamp\":" + System.currentTimeMillis() + ",\"body\":{\"mid\":\"fake." + mid.incrementAndGet()
                + "\",\"text\":" + JSON.writeValueAsString(text) + "}}";
        if (keepDialogs) {
            Deque<String> dialog = dialogs.computeIfAbsent(userId, k -> new ArrayDeque<>());
            synchronized (dialog) {
                dialog.addFirst(message);
                if (dialog.size() > KEPT_PER_DIALOG) {
                    dialog.removeLast();
                }
            }
        }
        return json(res, "{\"message\":" + message + "}");
    }

    private Mono<Void> dialog(HttpServerRequest req, HttpServerResponse res) {
        long chat;
        int count;
        try {
            chat = Long.parseLong(query(req, "chat_id"));
            count = query(req, "count").isEmpty() ? 50 : Integer.parseInt(query(req, "count"));
        } catch (NumberFormatException e) {
            return res.status(HttpResponseStatus.BAD_REQUEST).sendString(Mono.just("{\"code\":\"bad.request\"}")).then();
        }
        if (!keepDialogs) {
            return res.status(HttpResponseStatus.NOT_FOUND).sendString(Mono.just("{\"code\":\"not.found\"}")).then();
        }
        List<String> latest = new ArrayList<>();
        Deque<String> dialog = dialogs.get(chat);
        if (dialog != null) {
            synchronized (dialog) {
                dialog.stream().limit(count).forEach(latest::add);
            }
        }
        return json(res, "{\"messages\":[" + String.join(",", latest) + "]}");
    }

    private Mono<Void> answer(HttpServerRequest req, HttpServerResponse res, String body,
                              Consumer<Received> listener) {
        if (unavailable) {
            return outage(res);
        }
        long now = System.nanoTime();
        String callbackId = query(req, "callback_id");
        String text = JSON.readTree(body).path("notification").asString("");
        answers.incrementAndGet();
        listener.accept(new Received(now, 0, callbackId, text, List.of()));
        return json(res, "{\"success\":true}");
    }

    private Mono<Void> outage(HttpServerResponse res) {
        refused.incrementAndGet();
        return res.status(HttpResponseStatus.SERVICE_UNAVAILABLE).header("Content-Type", "application/json")
                .sendString(Mono.just("{\"code\":\"service.unavailable\",\"message\":\"Service unavailable\"}"))
                .then();
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
