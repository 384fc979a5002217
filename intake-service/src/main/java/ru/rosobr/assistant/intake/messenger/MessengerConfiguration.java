package ru.rosobr.assistant.intake.messenger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.intake.conversation.Conversations;
import ru.rosobr.assistant.intake.delivery.Deliveries;
import ru.rosobr.assistant.intake.dialogue.Dialogue;
import ru.rosobr.assistant.intake.messenger.internal.InboxRepository;
import ru.rosobr.assistant.intake.messenger.internal.InboxWorker;
import ru.rosobr.assistant.intake.messenger.internal.MessengerDialogue;
import ru.rosobr.assistant.intake.teacher.Teachers;

/** The messenger side shared by MAX and VK: the inbox of updates, its worker and the dialogue. */
@Configuration(proxyBeanMethods = false)
public class MessengerConfiguration {

    @Bean
    InboxRepository inboxRepository(DatabaseClient db) {
        return new InboxRepository(db);
    }

    @Bean
    Inbox inbox(InboxRepository repository) {
        return new Inbox(repository);
    }

    @Bean
    ChannelState channelState(DatabaseClient db) {
        return new ChannelState(db);
    }

    @Bean
    MessengerDialogue messengerDialogue(Teachers teachers, Dialogue dialogue, Conversations conversations,
                                        Deliveries deliveries, Clock clock,
                                        @org.springframework.beans.factory.annotation.Value(
                                                "${assistant.privacy-policy-url}") String privacyPolicyUrl) {
        return new MessengerDialogue(teachers, dialogue, conversations, deliveries, clock, privacyPolicyUrl);
    }

    @Bean
    InboxWorker inboxWorker(InboxRepository repository, Inbox inbox, List<InboundDecoder> decoders,
                            MessengerDialogue dialogue, Teachers teachers, TransactionalOperator tx,
                            @Value("${assistant.inbox.poll-interval:1s}") Duration pollInterval,
                            @Value("${assistant.inbox.concurrency:8}") int concurrency) {
        return new InboxWorker(repository, inbox, decoders, dialogue, teachers, tx, pollInterval, concurrency);
    }
}
