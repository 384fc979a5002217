package ru.rosobr.assistant.intake.max.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.intake.delivery.PlatformFailure;
import ru.rosobr.assistant.intake.max.MaxProperties;
import ru.rosobr.assistant.intake.max.wire.AnswerOnCallbackBody;
import ru.rosobr.assistant.intake.max.wire.SendMessageBody;
import ru.rosobr.assistant.intake.max.wire.SubscribeOnUpdatesBody;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * The MAX Bot API over HTTP, as the official SDK calls it: the token in the {@code Authorization} header (no
 * "Bearer"), JSON bodies, ids in the query. An answer other than 2xx is a {@link PlatformFailure}.
 */
public class MaxClient {

    static final String PLATFORM = "MAX";

    private final MaxProperties props;
    private final WebClient web;

    public MaxClient(MaxProperties props, WebClient web) {
        this.props = props;
        this.web = web;
    }

    /** {@code POST /messages?user_id=…}. */
    public Mono<JsonNode> sendMessage(String userId, SendMessageBody body) {
        return post("/messages?user_id=", userId, body);
    }

    /**
     * {@code GET /messages?chat_id=…&count=…} (SDK {@code GetMessagesDTO}): the latest {@code count} messages of the
     * chat (at most 100), newest first; emits {@code {messages: [Message]}}.
     */
    public Mono<JsonNode> getMessages(long chatId, int count) {
        if (props.token() == null) {
            return Mono.error(noToken());
        }
        return web.get()
                .uri(java.net.URI.create(props.apiBaseUrl() + "/messages?chat_id=" + chatId + "&count=" + count))
                .header(HttpHeaders.AUTHORIZATION, props.token())
                .exchangeToMono(response -> body(response.statusCode(), response.bodyToMono(String.class)))
                .onErrorMap(WebClientRequestException.class, e -> PlatformFailure.unreachable(PLATFORM, e));
    }

    /** {@code POST /answers?callback_id=…}. */
    public Mono<JsonNode> answerOnCallback(String callbackId, AnswerOnCallbackBody body) {
        return post("/answers?callback_id=", callbackId, body).flatMap(MaxClient::success);
    }

    /** {@code POST /subscriptions}: the webhook URL, the update types and the secret MAX will send back. */
    public Mono<JsonNode> subscribe(SubscribeOnUpdatesBody body) {
        return post("/subscriptions", null, body).flatMap(MaxClient::success);
    }

    /** {@code GET /updates?marker=…&timeout=…&types=…}: long polling; emits {@code {updates, marker}}. */
    public Mono<JsonNode> getUpdates(Long marker, Duration timeout, List<String> types) {
        if (props.token() == null) {
            return Mono.error(noToken());
        }
        return web.get()
                .uri(props.apiBaseUrl() + "/updates?limit=100&timeout={timeout}&types={types}"
                                + (marker == null ? "" : "&marker={marker}"), timeout.toSeconds(),
                        String.join(",", types), marker == null ? "" : marker)
                .header(HttpHeaders.AUTHORIZATION, props.token())
                .exchangeToMono(response -> body(response.statusCode(), response.bodyToMono(String.class)))
                .timeout(timeout.plusSeconds(15))
                .onErrorMap(WebClientRequestException.class, e -> PlatformFailure.unreachable(PLATFORM, e));
    }

    /** {@code id}, when given, is appended to {@code path} (which ends with the parameter's name and "="), encoded. */
    private Mono<JsonNode> post(String path, String id, Object body) {
        if (props.token() == null) {
            return Mono.error(noToken());
        }
        return web.post()
                // built by hand: parsing a URI template per message was a visible share of the delivery's CPU
                .uri(java.net.URI.create(props.apiBaseUrl() + path
                        + (id == null ? "" : java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8))))
                .header(HttpHeaders.AUTHORIZATION, props.token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(EventCodec.mapper().writeValueAsString(body))
                .exchangeToMono(response -> body(response.statusCode(), response.bodyToMono(String.class)))
                .onErrorMap(WebClientRequestException.class, e -> PlatformFailure.unreachable(PLATFORM, e));
    }

    private static Mono<JsonNode> body(HttpStatusCode status, Mono<String> body) {
        return body.defaultIfEmpty("").flatMap(text -> {
            if (!status.is2xxSuccessful()) {
                return Mono.error(PlatformFailure.ofHttp(PLATFORM, status.value(), text));
            }
            try {
                return Mono.just(text.isBlank() ? EventCodec.mapper().createObjectNode()
                        : EventCodec.mapper().readTree(text));
            } catch (RuntimeException e) {
                return Mono.error(new PlatformFailure(PLATFORM + " ответил не JSON: " + text, status.value(), true));
            }
        });
    }

    /** An ActionResponse with {@code success: false} is a refusal. */
    private static Mono<JsonNode> success(JsonNode node) {
        if (node.has("success") && !node.get("success").asBoolean()) {
            return Mono.error(new PlatformFailure(PLATFORM + " отказал: " + node.path("message").asString(""), 200,
                    false));
        }
        return Mono.just(node);
    }

    private static PlatformFailure noToken() {
        return new PlatformFailure("MAX не подключён: не задан MAX_BOT_TOKEN", 0, false);
    }
}
