package ru.rosobr.assistant.intake.vk.internal;

import java.util.Set;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.intake.delivery.PlatformFailure;
import ru.rosobr.assistant.intake.vk.VkProperties;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * The VK API: {@code POST <base>/<method>} with form parameters, {@code access_token} and {@code v}. VK answers
 * HTTP 200 with either {@code {"response": …}} or {@code {"error": {"error_code", "error_msg"}}}.
 */
public class VkClient {

    static final String PLATFORM = "VK";
    /** VK errors that pass on a later try: unknown, too many requests per second, flood control, server error. */
    static final Set<Integer> RETRYABLE = Set.of(1, 6, 9, 10);

    private final VkProperties props;
    private final WebClient web;

    public VkClient(VkProperties props, WebClient web) {
        this.props = props;
        this.web = web;
    }

    public Mono<JsonNode> call(String method, MultiValueMap<String, String> params) {
        if (props.accessToken() == null) {
            return Mono.error(new PlatformFailure("VK не подключён: не задан VK_ACCESS_TOKEN", 0, false));
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(params);
        form.set("access_token", props.accessToken());
        form.set("v", props.apiVersion());
        return web.post()
                .uri(props.apiBaseUrl() + "/" + method)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchangeToMono(response -> answer(method, response.statusCode(), response.bodyToMono(String.class)))
                .onErrorMap(WebClientRequestException.class, e -> PlatformFailure.unreachable(PLATFORM, e));
    }

    private static Mono<JsonNode> answer(String method, HttpStatusCode status, Mono<String> body) {
        return body.defaultIfEmpty("").flatMap(text -> {
            if (!status.is2xxSuccessful()) {
                return Mono.error(PlatformFailure.ofHttp(PLATFORM, status.value(), text));
            }
            JsonNode node;
            try {
                node = EventCodec.mapper().readTree(text);
            } catch (RuntimeException e) {
                return Mono.error(new PlatformFailure(PLATFORM + " ответил не JSON на " + method, status.value(),
                        true));
            }
            JsonNode error = node.get("error");
            if (error != null && error.isObject()) {
                int code = error.path("error_code").asInt(0);
                return Mono.error(new PlatformFailure(PLATFORM + " " + method + ": ошибка " + code + " — "
                        + error.path("error_msg").asString(""), code, RETRYABLE.contains(code)));
            }
            return Mono.just(node);
        });
    }
}
