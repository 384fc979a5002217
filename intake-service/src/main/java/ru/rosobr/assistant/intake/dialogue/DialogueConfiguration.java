package ru.rosobr.assistant.intake.dialogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.intake.appeal.Appeals;
import ru.rosobr.assistant.intake.conversation.Conversations;
import ru.rosobr.assistant.intake.dialogue.internal.OpenAppealThreading;
import ru.rosobr.assistant.platform.outbox.Outbox;

@Configuration(proxyBeanMethods = false)
public class DialogueConfiguration {

    /** Messenger follow-ups join the appeal that is with a specialist; web chat messages are new appeals. */
    @Bean
    AppealThreading appealThreading(Appeals appeals) {
        return new OpenAppealThreading(appeals);
    }

    @Bean
    Dialogue dialogue(Appeals appeals, Conversations conversations, AppealThreading threading, Outbox outbox) {
        return new Dialogue(appeals, conversations, threading, outbox);
    }
}
