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
 * Consumes every appeal topic (and the KB's publications) into the per-region, per-day projection, and the teacher
 * registry's changes into the teacher count per region.
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
        return EventSubscription.on(Topics.APPEAL_RECEIVED, e -> p.count(Measure.RECEIVED, e));
    }

    @Bean
    EventSubscription<AnswerMatched> onMatched(Projector p) {
        return EventSubscription.on(Topics.ANSWER_MATCHED, p::matched);
    }

    @Bean
    EventSubscription<AnswerUnmatched> onUnmatched(Projector p) {
        return EventSubscription.on(Topics.ANSWER_UNMATCHED, p::unmatched);
    }

    @Bean
    EventSubscription<AppealOffTopic> onOffTopic(Projector p) {
        return EventSubscription.on(Topics.APPEAL_OFFTOPIC, e -> p.count(Measure.OFFTOPIC, e));
    }

    @Bean
    EventSubscription<HumanRequested> onHumanRequested(Projector p) {
        return EventSubscription.on(Topics.HUMAN_REQUESTED, e -> p.count(Measure.HUMAN_REQUESTED, e));
    }

    @Bean
    EventSubscription<AppealAssigned> onAssigned(Projector p) {
        return EventSubscription.on(Topics.APPEAL_ASSIGNED, e -> p.count(Measure.ROUTED, e));
    }

    @Bean
    EventSubscription<OperatorReplied> onOperatorReplied(Projector p) {
        return EventSubscription.on(Topics.OPERATOR_REPLIED, e -> p.count(Measure.ANSWERED, e));
    }

    @Bean
    EventSubscription<AiJudged> onAiJudged(Projector p) {
        return EventSubscription.on(Topics.AI_JUDGED, p::judged);
    }

    @Bean
    EventSubscription<AppealRated> onRated(Projector p) {
        return EventSubscription.on(Topics.APPEAL_RATED, p::rated);
    }

    @Bean
    EventSubscription<RatingReminderDue> onReminderDue(Projector p) {
        return EventSubscription.on(Topics.RATING_REMINDER_DUE, e -> p.count(Measure.REMINDED, e));
    }

    @Bean
    EventSubscription<AppealOverdue> onOverdue(Projector p) {
        return EventSubscription.on(Topics.APPEAL_OVERDUE, e -> p.count(Measure.OVERDUE, e));
    }

    @Bean
    EventSubscription<AppealEscalated> onEscalated(Projector p) {
        return EventSubscription.on(Topics.APPEAL_ESCALATED, e -> p.count(Measure.ESCALATED, e));
    }

    @Bean
    EventSubscription<KbEntryPublished> onKbEntryPublished(Projector p) {
        return EventSubscription.on(Topics.KB_ENTRY_PUBLISHED, p::published);
    }

    @Bean
    EventSubscription<TeacherChanged> onTeacherChanged(Projector p) {
        return EventSubscription.on(Topics.TEACHER_CHANGED, p::teacherChanged);
    }
}
