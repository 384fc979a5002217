package ru.rosobr.assistant.followup.flow;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.followup.FollowupProperties;
import ru.rosobr.assistant.followup.calendar.AnswerDeadline;
import ru.rosobr.assistant.followup.flow.internal.FollowupFlow;
import ru.rosobr.assistant.followup.timers.Timers;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.platform.outbox.Outbox;

/** Consumes answered / off-topic / assigned / replied / rated; emits outbound messages and schedules timers. */
@Configuration(proxyBeanMethods = false)
public class FlowConfiguration {

    @Bean
    FollowupFlow followupFlow(Outbox outbox, Timers timers, AnswerDeadline deadline, Clock clock,
                              FollowupProperties props) {
        return new FollowupFlow(outbox, timers, deadline, clock, props.reminderDelay());
    }

    @Bean
    EventSubscriptions flowSubscriptions(FollowupFlow flow) {
        return EventSubscriptions.of(
                EventSubscription.onBatch(Topics.ANSWER_MATCHED, flow::onMatched),
                EventSubscription.on(Topics.APPEAL_ASSIGNED, flow::onAssigned),
                EventSubscription.on(Topics.OPERATOR_REPLIED, flow::onOperatorReplied),
                EventSubscription.on(Topics.APPEAL_RATED, flow::onRated));
    }
}
