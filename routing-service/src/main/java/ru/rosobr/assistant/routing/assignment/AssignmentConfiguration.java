package ru.rosobr.assistant.routing.assignment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.routing.assignment.internal.AssignmentFlow;
import ru.rosobr.assistant.routing.roster.Roster;

/** Consumes unmatched / human-requested / escalated (and operator replies for the load); emits appeal.assigned. */
@Configuration(proxyBeanMethods = false)
public class AssignmentConfiguration {

    @Bean
    AssignmentFlow assignmentFlow(Roster roster, DatabaseClient db, Outbox outbox) {
        return new AssignmentFlow(roster, db, outbox);
    }

    @Bean
    EventSubscription<AnswerUnmatched> onUnmatched(AssignmentFlow flow) {
        return EventSubscription.on(Topics.ANSWER_UNMATCHED, flow::onUnmatched);
    }

    @Bean
    EventSubscription<HumanRequested> onHumanRequested(AssignmentFlow flow) {
        return EventSubscription.on(Topics.HUMAN_REQUESTED, flow::onHumanRequested);
    }

    @Bean
    EventSubscription<AppealEscalated> onEscalated(AssignmentFlow flow) {
        return EventSubscription.on(Topics.APPEAL_ESCALATED, flow::onEscalated);
    }

    @Bean
    EventSubscription<OperatorReplied> onOperatorReplied(AssignmentFlow flow) {
        return EventSubscription.on(Topics.OPERATOR_REPLIED, flow::onOperatorReplied);
    }
}
