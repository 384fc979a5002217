package ru.rosobr.assistant.analytics.projection;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.analytics.projection.internal.Projector;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.contracts.events.RatingReminderDue;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.platform.messaging.EventSubscription;

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
    EventSubscription<AppealReceived> onReceived(Projector p) {
        return EventSubscription.onBatch(Topics.APPEAL_RECEIVED, es -> p.count(Measure.RECEIVED, es));
    }

    @Bean
    EventSubscription<AnswerMatched> onMatched(Projector p) {
        return EventSubscription.onBatch(Topics.ANSWER_MATCHED, p::matched);
    }

    @Bean
    EventSubscription<AnswerUnmatched> onUnmatched(Projector p) {
        return EventSubscription.onBatch(Topics.ANSWER_UNMATCHED, p::unmatched);
    }

    @Bean
    EventSubscription<AppealOffTopic> onOffTopic(Projector p) {
        return EventSubscription.onBatch(Topics.APPEAL_OFFTOPIC, es -> p.count(Measure.OFFTOPIC, es));
    }

    @Bean
    EventSubscription<HumanRequested> onHumanRequested(Projector p) {
        return EventSubscription.onBatch(Topics.HUMAN_REQUESTED, es -> p.count(Measure.HUMAN_REQUESTED, es));
    }

    @Bean
    EventSubscription<AppealAssigned> onAssigned(Projector p) {
        return EventSubscription.onBatch(Topics.APPEAL_ASSIGNED, es -> p.count(Measure.ROUTED, es));
    }

    @Bean
    EventSubscription<OperatorReplied> onOperatorReplied(Projector p) {
        return EventSubscription.onBatch(Topics.OPERATOR_REPLIED, es -> p.count(Measure.ANSWERED, es));
    }

    @Bean
    EventSubscription<AiJudged> onAiJudged(Projector p) {
        return EventSubscription.onBatch(Topics.AI_JUDGED, p::judged);
    }

    @Bean
    EventSubscription<AppealRated> onRated(Projector p) {
        return EventSubscription.onBatch(Topics.APPEAL_RATED, p::rated);
    }

    @Bean
    EventSubscription<RatingReminderDue> onReminderDue(Projector p) {
        return EventSubscription.onBatch(Topics.RATING_REMINDER_DUE, es -> p.count(Measure.REMINDED, es));
    }

    @Bean
    EventSubscription<AppealOverdue> onOverdue(Projector p) {
        return EventSubscription.onBatch(Topics.APPEAL_OVERDUE, es -> p.count(Measure.OVERDUE, es));
    }

    @Bean
    EventSubscription<AppealEscalated> onEscalated(Projector p) {
        return EventSubscription.onBatch(Topics.APPEAL_ESCALATED, es -> p.count(Measure.ESCALATED, es));
    }

    @Bean
    EventSubscription<KbEntryPublished> onKbEntryPublished(Projector p) {
        return EventSubscription.onBatch(Topics.KB_ENTRY_PUBLISHED, p::published);
    }

    @Bean
    EventSubscription<TeacherChanged> onTeacherChanged(Projector p) {
        return EventSubscription.on(Topics.TEACHER_CHANGED, p::teacherChanged);
    }
}
