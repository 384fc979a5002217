package ru.rosobr.assistant.operator.appeals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.operator.appeals.internal.AppealRepository;
import ru.rosobr.assistant.operator.appeals.internal.AssignmentProjection;
import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.users.Users;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.platform.notify.PgNotifications;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * Consumes appeal.assigned, appeal.sla (the deadline, its warning and the automatic escalation, all from
 * followup-service), appeal.overdue, appeal.rated and appeal.teacher-message; the console actions emit
 * replied / judged / escalated / reassigned.
 */
@Configuration(proxyBeanMethods = false)
public class AppealsConfiguration {

    @Bean
    AppealRepository appealRepository(DatabaseClient db) {
        return new AppealRepository(db);
    }

    @Bean
    AppealChanges appealChanges(AppealRepository appeals, DatabaseClient db, PgNotifications notifications) {
        return new AppealChanges(appeals, db, notifications);
    }

    @Bean
    AppealQueries appealQueries(AppealRepository appeals, AuditTrail audit) {
        return new AppealQueries(appeals, audit);
    }

    @Bean
    AppealActions appealActions(AppealRepository appeals, AuditTrail audit, AppealChanges changes, Users users,
                                Outbox outbox, TransactionalOperator tx) {
        return new AppealActions(appeals, audit, changes, users, outbox, tx);
    }

    @Bean
    AssignmentProjection assignmentProjection(AppealRepository appeals, AppealChanges changes,
                                              AppealActions actions) {
        return new AssignmentProjection(appeals, changes, actions);
    }

    @Bean
    EventSubscriptions appealsSubscriptions(AssignmentProjection projection) {
        return EventSubscriptions.of(
                EventSubscription.on(Topics.APPEAL_SLA, projection::onSla),
                EventSubscription.on(Topics.APPEAL_ASSIGNED, projection::onAssigned),
                EventSubscription.on(Topics.APPEAL_OVERDUE, projection::onOverdue),
                EventSubscription.on(Topics.APPEAL_RATED, projection::onRated),
                EventSubscription.on(Topics.TEACHER_MESSAGE_ADDED, projection::onTeacherMessage));
    }
}
