package ru.rosobr.assistant.intake.conversation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.intake.conversation.internal.MessageRepository;

@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

    @Bean
    Conversations conversations(DatabaseClient db) {
        return new Conversations(new MessageRepository(db));
    }
}
