package ru.rosobr.assistant.intake.max;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.intake.delivery.DeliverySettings;
import ru.rosobr.assistant.intake.delivery.PlatformSender;
import ru.rosobr.assistant.intake.max.internal.MaxClient;
import ru.rosobr.assistant.intake.max.internal.MaxPolling;
import ru.rosobr.assistant.intake.max.internal.MaxSender;
import ru.rosobr.assistant.intake.max.internal.MaxSubscription;
import ru.rosobr.assistant.intake.max.internal.MaxUpdates;
import ru.rosobr.assistant.intake.messenger.ChannelState;
import ru.rosobr.assistant.intake.messenger.InboundDecoder;
import ru.rosobr.assistant.intake.messenger.Inbox;
import ru.rosobr.assistant.intake.web.PlatformHttp;

/** The MAX channel: webhook, long polling, subscription, and sending through the MAX Bot API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaxProperties.class)
public class MaxConfiguration {

    @Bean
    MaxClient maxClient(MaxProperties props, DeliverySettings delivery) {
        return new MaxClient(props, PlatformHttp.client(delivery.requestTimeout().plus(props.pollingTimeout())));
    }

    @Bean
    InboundDecoder maxUpdates() {
        return new MaxUpdates();
    }

    @Bean
    PlatformSender maxSender(MaxClient client, MaxProperties props) {
        return new MaxSender(client, props);
    }

    @Bean
    MaxPolling maxPolling(MaxClient client, MaxProperties props, Inbox inbox, ChannelState state,
                          TransactionalOperator tx) {
        return new MaxPolling(client, props, inbox, state, tx);
    }

    @Bean
    MaxSubscription maxSubscription(MaxClient client, MaxProperties props) {
        return new MaxSubscription(client, props);
    }
}
