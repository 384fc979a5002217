package ru.rosobr.assistant.intake.dialogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.intake.appeal.Appeals;
import ru.rosobr.assistant.intake.conversation.Conversations;
import ru.rosobr.assistant.intake.dialogue.internal.NewAppealPerMessage;
import ru.rosobr.assistant.platform.outbox.Outbox;

@Configuration(proxyBeanMethods = false)
public class DialogueConfiguration {

    /** Until follow-ups are threaded into the open appeal, every message opens a new appeal. */
    @Bean
    AppealThreading appealThreading() {
        return new NewAppealPerMessage();
    }

    @Bean
    Dialogue dialogue(Appeals appeals, Conversations conversations, AppealThreading threading, Outbox outbox) {
        return new Dialogue(appeals, conversations, threading, outbox);
    }
}
