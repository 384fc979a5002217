package ru.rosobr.assistant.intake.delivery.internal;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.intake.delivery.PlatformFailure;

/**
 * One platform's protection: requests wait for the channel's rate limiter (MAX: 30 per second), pass its circuit
 * breaker (open while the platform is down: requests then fail at once instead of piling up), and are retried with
 * exponential backoff on 429, 5xx and no answer. Retry is outermost, so every retry asks the breaker and the
 * limiter again.
 */
final class ChannelGuard {

    private final String platform;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Duration timeout;
    /** The platform's last refusal, to explain an open breaker. */
    private volatile String lastFailure;

    ChannelGuard(String platform, RateLimiter rateLimiter, CircuitBreaker circuitBreaker, Retry retry,
                 Duration timeout) {
        this.platform = platform;
        this.rateLimiter = rateLimiter;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
        this.timeout = timeout;
    }

    /** Runs the request under the guard; {@code attempts} counts the requests actually made. */
    <T> Mono<T> call(Supplier<Mono<T>> request, AtomicInteger attempts) {
        return Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return request.get();
                })
                .timeout(timeout)
                .onErrorMap(TimeoutException.class, e -> new PlatformFailure(
                        platform + " не ответил за " + timeout.toSeconds() + " с", 0, true))
                .doOnError(PlatformFailure.class, e -> lastFailure = e.getMessage())
                .transformDeferred(RateLimiterOperator.of(rateLimiter))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry));
    }

    String lastFailure() {
        return lastFailure;
    }

    CircuitBreaker.State state() {
        return circuitBreaker.getState();
    }
}
