package ru.rosobr.assistant.gateway.ratelimit;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.security.ApiSecurity;

/**
 * Rate limits that fit the callers. MAX and VK deliver every teacher's webhooks from a few addresses of their own,
 * so webhooks (routes with metadata {@code rate-limit: webhook}) are limited per teacher — the platform user id in
 * the body — and per sending address only when the update names no user. Everything else is limited per user (the
 * {@code sub} of a valid token) or, without one, per client address ({@link ClientAddresses}). Excess gets 429 with
 * {@code Retry-After} and a problem body; the platforms simply re-send a refused webhook.
 *
 * <p>Buckets live in this gateway's memory (Bucket4j over Caffeine): with several gateway instances each keeps its
 * own, which multiplies the budget by the number of instances.
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

    /** Route metadata key and the value that marks a webhook route. */
    public static final String POLICY = "rate-limit";
    public static final String WEBHOOK = "webhook";

    /** Webhook bodies are read into memory to find the sender: a bound against a flood of huge bodies. */
    static final int MAX_WEBHOOK_BODY = 256 * 1024;

    private final RateLimitProperties properties;
    private final ClientAddresses addresses;
    private final ProxyManager<String> buckets;
    private final BucketConfiguration client;
    private final BucketConfiguration teacher;
    private final BucketConfiguration webhookAddress;

    public RateLimitFilter(RateLimitProperties properties, ClientAddresses addresses) {
        this.properties = properties;
        this.addresses = addresses;
        // a bucket that has refilled completely carries no state and is dropped; the cap bounds memory under a flood
        // of distinct keys (1.5 million teachers, but only the recently active ones hold a bucket)
        this.buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(200_000))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        this.client = configuration(properties.client());
        this.teacher = configuration(properties.teacher());
        this.webhookAddress = configuration(properties.webhookAddress());
    }

    private static BucketConfiguration configuration(RateLimitProperties.Budget budget) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(budget.burst()).refillGreedy(budget.perSecond(), Duration.ofSeconds(1)))
                .build();
    }

    @Override
    public int getOrder() {
        // after the gateway's RemoveCachedBodyFilter (which releases a cached body), before its body caching for
        // retries and before the route filters: a refused request never reaches the circuit breaker
        return Ordered.HIGHEST_PRECEDENCE + 500;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && WEBHOOK.equals(route.getMetadata().get(POLICY))) {
            return webhook(exchange, chain);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> "user:" + p.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + addresses.clientOf(exchange.getRequest())))
                .flatMap(key -> admit(exchange, "client:" + key, client, chain::filter));
    }

    private Mono<Void> webhook(ServerWebExchange exchange, GatewayFilterChain chain) {
        boolean vk = exchange.getRequest().getPath().value().startsWith("/webhooks/vk");
        Function<byte[], String> sender = vk ? WebhookSenders::vk : WebhookSenders::max;
        String channel = vk ? "vk:" : "max:";
        ServerHttpRequest bounded = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return DataBufferUtils.join(super.getBody(), MAX_WEBHOOK_BODY).flux();
            }
        };
        ServerWebExchange boundedExchange = exchange.mutate().request(bounded).build();
        // the gateway's own body cache: the buffer stays readable for the route and for retries, and is released
        // when the exchange ends
        return ServerWebExchangeUtils.cacheRequestBody(boundedExchange, cached -> {
            ServerWebExchange next = boundedExchange.mutate().request(cached).build();
            DataBuffer body = exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
            String user = body == null ? null : sender.apply(bytes(body));
            return user != null
                    ? admit(next, "teacher:" + channel + user, teacher, chain::filter)
                    : admit(next, "webhook-address:" + addresses.clientOf(exchange.getRequest()), webhookAddress,
                            chain::filter);
        }).onErrorResume(DataBufferLimitException.class, e -> ApiSecurity.problem(exchange,
                HttpStatus.CONTENT_TOO_LARGE, "Слишком большое тело запроса"));
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
        return bytes;
    }

    private Mono<Void> admit(ServerWebExchange exchange, String key, BucketConfiguration configuration,
                             Function<ServerWebExchange, Mono<Void>> next) {
        ConsumptionProbe probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            return next.apply(exchange);
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", "0");
        return ApiSecurity.problem(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Слишком много запросов. Повторите через " + retryAfter + " с.");
    }
}
