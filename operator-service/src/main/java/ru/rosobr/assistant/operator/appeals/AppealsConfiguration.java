package ru.rosobr.assistant.operator.appeals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.operator.appeals.internal.AppealRepository;
import ru.rosobr.assistant.operator.appeals.internal.AssignmentProjection;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.outbox.Outbox;

/** Consumes appeal.assigned and appeal.overdue; the console operations emit replied / judged / escalated. */
@Configuration(proxyBeanMethods = false)
public class AppealsConfiguration {

    @Bean
    AppealRepository appealRepository(DatabaseClient db) {
        return new AppealRepository(db);
    }

    @Bean
    AuditTrail auditTrail(DatabaseClient db) {
        return new AuditTrail(db);
    }

    @Bean
    ConsoleService consoleService(AppealRepository appeals, AuditTrail audit, Outbox outbox,
                                  TransactionalOperator tx) {
        return new ConsoleService(appeals, audit, outbox, tx);
    }

    @Bean
    AssignmentProjection assignmentProjection(AppealRepository appeals) {
        return new AssignmentProjection(appeals);
    }

    @Bean
    EventSubscription<AppealAssigned> onAppealAssigned(AssignmentProjection projection) {
        return EventSubscription.on(Topics.APPEAL_ASSIGNED, projection::onAssigned);
    }

    @Bean
    EventSubscription<AppealOverdue> onAppealOverdue(AssignmentProjection projection) {
        return EventSubscription.on(Topics.APPEAL_OVERDUE, projection::onOverdue);
    }
}
