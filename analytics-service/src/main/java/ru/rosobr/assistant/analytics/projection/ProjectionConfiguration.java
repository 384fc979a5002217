package ru.rosobr.assistant.analytics.projection;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.analytics.projection.internal.Projector;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;

/**
 * Consumes every appeal topic (and the KB's publications) into the per-region, per-day projection, a run of events
 * at a time (a run costs a fixed number of statements, however long it is), and the teacher registry's changes
 * into the teacher count per region.
 */
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
                EventSubscription.onBatch(Topics.APPEAL_RECEIVED, es -> p.count(Measure.RECEIVED, es)),
                EventSubscription.onBatch(Topics.ANSWER_MATCHED, p::matched),
                EventSubscription.onBatch(Topics.ANSWER_UNMATCHED, p::unmatched),
                EventSubscription.onBatch(Topics.APPEAL_OFFTOPIC, es -> p.count(Measure.OFFTOPIC, es)),
                EventSubscription.onBatch(Topics.HUMAN_REQUESTED, es -> p.count(Measure.HUMAN_REQUESTED, es)),
                EventSubscription.onBatch(Topics.APPEAL_ASSIGNED, es -> p.count(Measure.ROUTED, es)),
                EventSubscription.onBatch(Topics.OPERATOR_REPLIED, es -> p.count(Measure.ANSWERED, es)),
                EventSubscription.onBatch(Topics.AI_JUDGED, p::judged),
                EventSubscription.onBatch(Topics.APPEAL_RATED, p::rated),
                EventSubscription.onBatch(Topics.RATING_REMINDER_DUE, es -> p.count(Measure.REMINDED, es)),
                EventSubscription.onBatch(Topics.APPEAL_OVERDUE, es -> p.count(Measure.OVERDUE, es)),
                EventSubscription.onBatch(Topics.APPEAL_ESCALATED, es -> p.count(Measure.ESCALATED, es)),
                EventSubscription.onBatch(Topics.KB_ENTRY_PUBLISHED, p::published),
                EventSubscription.onBatch(Topics.TEACHER_CHANGED, p::teacherChanged),
                EventSubscription.onBatch(Topics.OUTBOUND_DELIVERY, p::campaignOutcomes)
                        // answers and statuses far outnumber campaign messages: no dedupe row for them
                        .only(e -> e.kind() == OutboundMessage.Kind.CAMPAIGN));
    }
}
