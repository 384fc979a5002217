package ru.rosobr.assistant.followup.campaigns;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.followup.campaigns.internal.CampaignDispatcher;
import ru.rosobr.assistant.followup.campaigns.internal.CampaignRepository;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.worker.WakeUp;

/**
 * Campaigns: the audience projection (teacher.changed), the dispatcher (outbound.messages, kind CAMPAIGN) and the
 * delivery counters (outbound.delivery).
 */
@Configuration(proxyBeanMethods = false)
public class CampaignsConfiguration {

    @Bean
    CampaignRepository campaignRepository(DatabaseClient db) {
        return new CampaignRepository(db);
    }

    @Bean
    Campaigns campaigns(CampaignRepository repository, TransactionalOperator tx, Clock clock,
                        CampaignSettings settings, Outbox outbox) {
        return new Campaigns(repository, tx, clock, settings.window(), dispatcherWakeUp, outbox);
    }

    @Bean
    CampaignDispatcher campaignDispatcher(CampaignRepository repository, Campaigns campaigns, Outbox outbox,
                                          TransactionalOperator tx, Clock clock, CampaignSettings settings) {
        return new CampaignDispatcher(repository, campaigns, outbox, tx, clock, settings.window(), settings,
                dispatcherWakeUp);
    }

    /** A campaign started or resumed here is sent at once, not after the idle dispatcher's next look. */
    private final WakeUp dispatcherWakeUp = new WakeUp();

    @Bean
    EventSubscriptions campaignSubscriptions(Campaigns campaigns) {
        return EventSubscriptions.of(
                EventSubscription.onBatch(Topics.TEACHER_CHANGED, campaigns::onTeacherChanged),
                EventSubscription.onBatch(Topics.OUTBOUND_DELIVERY, campaigns::onDeliveries)
                        // answers and statuses far outnumber campaign messages: passed over without a dedupe row
                        .only(Campaigns::concernsCampaigns));
    }
}
