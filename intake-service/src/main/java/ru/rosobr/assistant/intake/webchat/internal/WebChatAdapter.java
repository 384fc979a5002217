package ru.rosobr.assistant.intake.webchat.internal;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.intake.conversation.Conversations;
import ru.rosobr.assistant.intake.delivery.ChannelAdapter;
import ru.rosobr.assistant.intake.delivery.DeliveryResult;
import ru.rosobr.assistant.intake.teacher.Teacher;

/**
 * Delivery to the web chat is storing the message: the page polls the conversation. The outbound id keeps a
 * redelivered message from appearing twice.
 */
public class WebChatAdapter implements ChannelAdapter {

    private final Conversations conversations;

    public WebChatAdapter(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public Channel channel() {
        return Channel.WEBCHAT;
    }

    @Override
    public Mono<DeliveryResult> deliver(Teacher teacher, OutboundMessage message) {
        return conversations.recordOutgoing(teacher.id(), message.appealId(), message.text(), message.buttons(),
                        message.eventId())
                .thenReturn(DeliveryResult.delivered(1));
    }
}
