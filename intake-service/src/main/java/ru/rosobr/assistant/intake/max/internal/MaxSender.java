package ru.rosobr.assistant.intake.max.internal;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.delivery.ButtonRows;
import ru.rosobr.assistant.intake.delivery.PlatformSender;
import ru.rosobr.assistant.intake.max.MaxProperties;
import ru.rosobr.assistant.intake.max.api.AnswerOnCallbackBody;
import ru.rosobr.assistant.intake.max.api.CallbackButton;
import ru.rosobr.assistant.intake.max.api.InlineKeyboardAttachmentRequest;
import ru.rosobr.assistant.intake.max.api.SendMessageBody;

/** Sends to MAX: markdown text with an inline keyboard of callback buttons; button presses answered on /answers. */
public class MaxSender implements PlatformSender {

    private final MaxClient client;
    private final MaxProperties props;

    public MaxSender(MaxClient client, MaxProperties props) {
        this.client = client;
        this.props = props;
    }

    @Override
    public Channel channel() {
        return Channel.MAX;
    }

    @Override
    public int maxTextLength() {
        return SendMessageBody.MAX_TEXT;
    }

    @Override
    public int requestsPerSecond() {
        return props.rateLimit();
    }

    @Override
    public Mono<String> sendText(String platformUserId, String text, List<Button> buttons, UUID messageId, int part) {
        List<InlineKeyboardAttachmentRequest> attachments = buttons.isEmpty() ? null
                : List.of(InlineKeyboardAttachmentRequest.of(ButtonRows.layout(buttons).stream()
                        .map(row -> row.stream().map(b -> CallbackButton.of(b.text(), b.payload())).toList())
                        .toList()));
        // MAX reports no reads to a bot, so its message id is not needed
        return client.sendMessage(platformUserId, new SendMessageBody(text, attachments, null, "markdown"))
                .then(Mono.empty());
    }

    @Override
    public Mono<Void> answerCallback(String platformUserId, String callbackId, String text) {
        return client.answerOnCallback(callbackId, new AnswerOnCallbackBody(null, text)).then();
    }
}
