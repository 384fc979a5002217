package ru.rosobr.assistant.intake.max.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import ru.rosobr.assistant.intake.max.MaxProperties;
import ru.rosobr.assistant.intake.max.wire.SubscribeOnUpdatesBody;

/**
 * Registers the webhook with MAX on start ({@code POST /subscriptions} with the URL, the handled update types and
 * the secret) when {@code MAX_WEBHOOK_URL} and the token are configured and long polling is off. Runs in the
 * background with a few retries: the service serves while MAX is unreachable.
 */
public class MaxSubscription implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(MaxSubscription.class);

    private final MaxClient client;
    private final MaxProperties props;

    public MaxSubscription(MaxClient client, MaxProperties props) {
        this.client = client;
        this.props = props;
    }

    public boolean configured() {
        return props.webhookUrl() != null && props.token() != null && !props.polling();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!configured()) {
            if (props.token() != null && !props.polling()) {
                log.info("MAX: MAX_WEBHOOK_URL is not set: the webhook subscription is not registered by the service");
            }
            return;
        }
        register().retryWhen(Retry.backoff(5, Duration.ofSeconds(2)))
                .subscribe(v -> { }, e -> log.error("MAX: could not register the webhook {}: {}", props.webhookUrl(),
                        e.getMessage()));
    }

    /** {@code POST /subscriptions}. */
    public Mono<Void> register() {
        if (props.webhookSecret() == null) {
            log.warn("MAX: registering the webhook without MAX_WEBHOOK_SECRET — every update will be refused");
        }
        return client.subscribe(new SubscribeOnUpdatesBody(props.webhookUrl(), MaxUpdates.HANDLED,
                        props.webhookSecret()))
                .doOnSuccess(r -> log.info("MAX: webhook {} registered for {}", props.webhookUrl(),
                        MaxUpdates.HANDLED))
                .then();
    }
}
