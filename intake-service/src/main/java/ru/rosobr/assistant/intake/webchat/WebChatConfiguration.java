package ru.rosobr.assistant.intake.webchat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.intake.conversation.Conversations;
import ru.rosobr.assistant.intake.delivery.ChannelAdapter;
import ru.rosobr.assistant.intake.dialogue.Dialogue;
import ru.rosobr.assistant.intake.teacher.Teachers;
import ru.rosobr.assistant.intake.webchat.internal.WebChatAdapter;
import ru.rosobr.assistant.intake.webchat.internal.WebChatService;

/**
 * The web chat channel. Its delivery adapter always exists (messages already addressed to web chat teachers are
 * still recorded); its HTTP endpoints and the simulator page only while the channel is enabled.
 */
@Configuration(proxyBeanMethods = false)
public class WebChatConfiguration {

    @Bean
    ChannelAdapter webChatAdapter(Conversations conversations) {
        return new WebChatAdapter(conversations);
    }

    @Bean
    @ConditionalOnProperty(prefix = "assistant.webchat", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    WebChatService webChatService(Teachers teachers, Dialogue dialogue, Conversations conversations,
                                  TransactionalOperator tx) {
        return new WebChatService(teachers, dialogue, conversations, tx);
    }
}
