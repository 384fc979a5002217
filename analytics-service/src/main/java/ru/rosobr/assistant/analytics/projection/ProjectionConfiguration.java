package ru.rosobr.assistant.analytics.projection;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.analytics.projection.internal.Projector;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;

/** Consumes every appeal topic (and the KB's publications) into the per-region, per-day projection. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Projector projector(DatabaseClient db, Clock clock) {
        return new Projector(db, clock);
    }

    @Bean
    EventSubscriptions projectionSubscriptions(Projector p) {
        return EventSubscriptions.of(
                EventSubscription.on(Topics.APPEAL_RECEIVED, e -> p.count(Measure.RECEIVED, e)),
                EventSubscription.on(Topics.ANSWER_MATCHED, p::matched),
                EventSubscription.on(Topics.ANSWER_UNMATCHED, p::unmatched),
                EventSubscription.on(Topics.APPEAL_OFFTOPIC, e -> p.count(Measure.OFFTOPIC, e)),
                EventSubscription.on(Topics.HUMAN_REQUESTED, e -> p.count(Measure.HUMAN_REQUESTED, e)),
                EventSubscription.on(Topics.APPEAL_ASSIGNED, e -> p.count(Measure.ROUTED, e)),
                EventSubscription.on(Topics.OPERATOR_REPLIED, e -> p.count(Measure.ANSWERED, e)),
                EventSubscription.on(Topics.AI_JUDGED, p::judged),
                EventSubscription.on(Topics.APPEAL_RATED, p::rated),
                EventSubscription.on(Topics.RATING_REMINDER_DUE, e -> p.count(Measure.REMINDED, e)),
                EventSubscription.on(Topics.APPEAL_OVERDUE, e -> p.count(Measure.OVERDUE, e)),
                EventSubscription.on(Topics.APPEAL_ESCALATED, e -> p.count(Measure.ESCALATED, e)),
                EventSubscription.on(Topics.KB_ENTRY_PUBLISHED, p::published));
    }
}
