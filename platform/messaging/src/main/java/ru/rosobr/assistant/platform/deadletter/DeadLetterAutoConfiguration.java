package ru.rosobr.assistant.platform.deadletter;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.platform.PlatformAutoConfiguration;
import ru.rosobr.assistant.platform.PlatformProperties;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.platform.security.ApiSecurity;
import ru.rosobr.assistant.platform.security.JwtSupport;
import ru.rosobr.assistant.platform.worker.PeriodicTask;

/**
 * Dead letters in every service with a database: the {@code assistant_dead_letters_pending} gauge — the one
 * dead-letter figure of the platform (dashboards and alerts read it) — refreshed from the table every
 * {@code assistant.dead-letters.refresh}, 30 s (every replica reports the same figure, so alert on
 * {@code max by (application)}) everywhere; the admin API only where the service has a security
 * chain ({@link AdminApi}).
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class, beforeName =
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.r2dbc.core.DatabaseClient")
@ConditionalOnBean(DatabaseClient.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetters deadLetters(DatabaseClient db, TransactionalOperator tx,
                            ObjectProvider<EventSubscription<?>> subscriptions,
                            ObjectProvider<EventSubscriptions> subscriptionLists, PlatformProperties props) {
        return new DeadLetters(db, tx, EventSubscriptions.collect(subscriptions, subscriptionLists),
                props.serviceName());
    }

    @Bean
    DeadLetterGauge deadLetterGauge(MeterRegistry registry) {
        return new DeadLetterGauge(registry);
    }

    @Bean
    PeriodicTask deadLetterGaugeRefresh(DeadLetters deadLetters, DeadLetterGauge gauge,
                                        @Value("${assistant.dead-letters.refresh:30s}") Duration refresh) {
        return new PeriodicTask("dead-letter count", refresh, () -> deadLetters.pending().doOnNext(gauge::set));
    }

    /**
     * The admin API exists only where the service has Spring Security and a security chain of its own (a service
     * without one would expose the payloads to anybody): this chain, ahead of the service's, admits only ADMIN.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.config.web.server.ServerHttpSecurity")
    @ConditionalOnBean(type = "org.springframework.security.web.server.SecurityWebFilterChain")
    static class AdminApi {

        @Bean
        DeadLetterController deadLetterController(DeadLetters deadLetters) {
            return new DeadLetterController(deadLetters);
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 10)
        SecurityWebFilterChain deadLetterSecurity(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> decoder,
                                                  @Value("${assistant.jwt.jwks-uri:}") String jwksUri) {
            ReactiveJwtDecoder jwt = decoder.getIfAvailable(() -> JwtSupport.decoder(jwksUri));
            http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/admin/dead-letters/**"));
            return ApiSecurity.jwtApi(http, jwt, auth -> auth.anyExchange().hasRole("ADMIN"));
        }
    }

    /**
     * The pending count as a gauge, read from the database off the request path; NaN until the first read (a
     * query that never succeeds shows as no figure rather than as zero dead letters).
     */
    static final class DeadLetterGauge {

        private volatile double pending = Double.NaN;

        DeadLetterGauge(MeterRegistry registry) {
            Gauge.builder("assistant_dead_letters_pending", this, g -> g.pending)
                    .description("Records the service's consumers gave up on and that were not replayed since")
                    .register(registry);
        }

        void set(long value) {
            pending = value;
        }
    }
}
