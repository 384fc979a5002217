package ru.rosobr.assistant.intake.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.intake.appeal.Appeals;
import ru.rosobr.assistant.intake.delivery.internal.AnswerMessages;
import ru.rosobr.assistant.intake.delivery.internal.DeliveryFlow;
import ru.rosobr.assistant.intake.delivery.internal.DeliveryRepository;
import ru.rosobr.assistant.intake.delivery.internal.DeliveryWorker;
import ru.rosobr.assistant.intake.teacher.Teachers;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * Consumes outbound.messages; delivers through the channel adapters (web chat at once; MAX and VK through the
 * durable delivery worker with rate limit, retry and circuit breaker); emits outbound.delivery.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
public class DeliveryConfiguration {

    @Bean
    Deliveries deliveries(DatabaseClient db, Outbox outbox) {
        return new Deliveries(new DeliveryRepository(db), outbox);
    }

    @Bean
    QuietHours quietHours(DeliverySettings settings) {
        return new QuietHours(settings.quietFrom(), settings.quietTo());
    }

    /** Channel adapters: the stand-alone ones (web chat) and one for every messenger platform with a sender. */
    @Bean
    DeliveryFlow deliveryFlow(Teachers teachers, Appeals appeals, Deliveries deliveries,
                              List<ChannelAdapter> adapters, List<PlatformSender> senders, QuietHours quietHours,
                              Clock clock) {
        List<ChannelAdapter> all = new ArrayList<>(adapters);
        for (PlatformSender sender : senders) {
            all.add(new PlatformChannelAdapter(sender.channel(), quietHours, clock));
        }
        return new DeliveryFlow(teachers, appeals, deliveries, all);
    }

    @Bean
    EventSubscriptions deliverySubscriptions(DeliveryFlow flow) {
        // the AI's answers and declines go out straight from answer-service's decisions: one Kafka hop and one
        // transaction fewer between the question and the teacher's answer than through followup-service
        return EventSubscriptions.of(
                EventSubscription.onBatch(Topics.OUTBOUND_MESSAGES, flow::onOutbound),
                EventSubscription.onBatch(Topics.ANSWER_MATCHED, run -> flow.onOutbound(AnswerMessages.answers(run))),
                EventSubscription.onBatch(Topics.APPEAL_OFFTOPIC,
                        run -> flow.onOutbound(AnswerMessages.declines(run))));
    }

    @Bean
    CircuitBreakerRegistry deliveryCircuitBreakers(DeliverySettings s, ObjectProvider<MeterRegistry> meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.breakerWindow())
                .minimumNumberOfCalls(s.breakerMinimumCalls())
                .failureRateThreshold(s.breakerFailureRate())
                .waitDurationInOpenState(s.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // an outage opens the breaker; overload (429) and refused requests (4xx) say nothing about it
                .recordException(e -> e instanceof PlatformFailure f && f.retryable() && f.status() != 429)
                .build());
        meters.ifAvailable(m -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(m));
        return registry;
    }

    @Bean
    RateLimiterRegistry deliveryRateLimiters(ObjectProvider<MeterRegistry> meters) {
        RateLimiterRegistry registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .limitForPeriod(30)
                // a burst waits for its turn rather than failing
                .timeoutDuration(Duration.ofSeconds(30))
                .build());
        meters.ifAvailable(m -> TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(m));
        return registry;
    }

    @Bean
    RetryRegistry deliveryRetries(DeliverySettings s, ObjectProvider<MeterRegistry> meters) {
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(s.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(s.retryBackoff(), 2.0))
                .retryOnException(e -> e instanceof PlatformFailure f && f.retryable())
                .failAfterMaxAttempts(false)
                .build());
        meters.ifAvailable(m -> TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(m));
        return registry;
    }

    @Bean
    DeliveryWorker deliveryWorker(Deliveries deliveries, Teachers teachers, List<PlatformSender> senders,
                                  TransactionalOperator tx, Clock clock, DeliverySettings settings,
                                  QuietHours quietHours, CircuitBreakerRegistry breakers, RateLimiterRegistry limiters,
                                  RetryRegistry retries) {
        return new DeliveryWorker(deliveries, teachers, senders, tx, clock, settings, quietHours, breakers, limiters,
                retries);
    }
}
