package ru.rosobr.assistant.answer.learning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.answer.learning.internal.JudgementFlow;
import ru.rosobr.assistant.answer.learning.internal.JudgementRepository;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;

/** Learning from operators: consumes appeal.ai-judged (written by operator-service). */
@Configuration(proxyBeanMethods = false)
public class LearningConfiguration {

    @Bean
    JudgementRepository judgementRepository(DatabaseClient db) {
        return new JudgementRepository(db);
    }

    @Bean
    Judgements judgements(JudgementRepository repository) {
        return new Judgements(repository);
    }

    @Bean
    JudgementFlow judgementFlow(JudgementRepository repository, KnowledgeBase kb) {
        return new JudgementFlow(repository, kb);
    }

    @Bean
    EventSubscriptions learningSubscriptions(JudgementFlow flow) {
        return EventSubscriptions.of(
                EventSubscription.on(Topics.AI_JUDGED, flow::onJudged));
    }
}
