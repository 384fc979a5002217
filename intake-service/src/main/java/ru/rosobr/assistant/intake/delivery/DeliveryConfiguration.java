package ru.rosobr.assistant.intake.delivery;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.intake.appeal.Appeals;
import ru.rosobr.assistant.intake.delivery.internal.DeliveryFlow;
import ru.rosobr.assistant.intake.delivery.internal.DeliveryRepository;
import ru.rosobr.assistant.intake.teacher.Teachers;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.outbox.Outbox;

/** Consumes outbound.messages; delivers through the channel adapters; emits outbound.delivery. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean
    Deliveries deliveries(DatabaseClient db, Outbox outbox) {
        return new Deliveries(new DeliveryRepository(db), outbox);
    }

    @Bean
    DeliveryFlow deliveryFlow(Teachers teachers, Appeals appeals, Deliveries deliveries,
                              List<ChannelAdapter> adapters) {
        return new DeliveryFlow(teachers, appeals, deliveries, adapters);
    }

    @Bean
    EventSubscription<OutboundMessage> onOutboundMessage(DeliveryFlow flow) {
        return EventSubscription.on(Topics.OUTBOUND_MESSAGES, flow::onOutbound);
    }
}
