package ru.rosobr.assistant.routing.assignment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.routing.assignment.internal.AssignmentFlow;
import ru.rosobr.assistant.routing.assignment.internal.ErasedTeachers;
import ru.rosobr.assistant.routing.roster.Roster;

/**
 * Consumes unmatched / human-requested / escalated / reassigned (and operator replies for the load); emits
 * appeal.assigned. Shift changes come over HTTP ({@link Shifts}).
 */
@Configuration(proxyBeanMethods = false)
public class AssignmentConfiguration {

    @Bean
    AssignmentFlow assignmentFlow(Roster roster, DatabaseClient db, Outbox outbox) {
        return new AssignmentFlow(roster, db, outbox);
    }

    @Bean
    Shifts shifts(Roster roster, AssignmentFlow flow, TransactionalOperator tx, Outbox outbox,
                  @Value("${assistant.routing.off-shift-policy:KEEP}") OffShiftPolicy offShiftPolicy) {
        return new Shifts(roster, flow, tx, outbox, offShiftPolicy);
    }

    @Bean
    EventSubscriptions assignmentSubscriptions(AssignmentFlow flow, DatabaseClient db) {
        return EventSubscriptions.of(
                EventSubscription.on(Topics.ANSWER_UNMATCHED, flow::onUnmatched),
                EventSubscription.on(Topics.HUMAN_REQUESTED, flow::onHumanRequested),
                EventSubscription.on(Topics.APPEAL_ESCALATED, flow::onEscalated),
                EventSubscription.on(Topics.APPEAL_REASSIGNED, flow::onReassigned),
                // Personal data erased on request: the snapshots lose the name and the question.
                EventSubscription.on(Topics.TEACHER_ERASED, new ErasedTeachers(db)::onErased),
                EventSubscription.on(Topics.OPERATOR_REPLIED, flow::onOperatorReplied));
    }
}
