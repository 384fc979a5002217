package ru.rosobr.assistant.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Buckets for the gateway's RequestRateLimiter, one per client address, kept in memory (one gateway instance per
 * host; behind a load balancer put the limit there or switch the proxy manager to a shared store).
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    AsyncProxyManager<String> rateLimitBuckets() {
        // a full bucket carries no state and is dropped; the cap bounds memory under a flood of distinct addresses
        Caffeine<Object, Object> cache = Caffeine.newBuilder().maximumSize(100_000);
        return Bucket4jCaffeine.<String>builderFor(cache)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build().asAsync();
    }

    @Bean
    KeyResolver clientAddressKeyResolver() {
        return exchange -> {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            return Mono.just(remote == null || remote.getAddress() == null ? "unknown"
                    : remote.getAddress().getHostAddress());
        };
    }
}
