package ru.rosobr.assistant.answer.decision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.answer.decision.internal.DecisionFlow;
import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.platform.outbox.Outbox;

/** Consumes appeal.received; emits matched / unmatched / off-topic. */
@Configuration(proxyBeanMethods = false)
public class DecisionConfiguration {

    @Bean
    DecisionFlow decisionFlow(Matcher matcher, KnowledgeBase kb, DatabaseClient db, Outbox outbox) {
        return new DecisionFlow(matcher, kb, db, outbox);
    }

    @Bean
    EventSubscriptions decisionSubscriptions(DecisionFlow flow) {
        return EventSubscriptions.of(
                EventSubscription.onBatch(Topics.APPEAL_RECEIVED, flow::onReceived));
    }
}
