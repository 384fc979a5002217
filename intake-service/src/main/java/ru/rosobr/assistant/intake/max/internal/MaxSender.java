package ru.rosobr.assistant.intake.max.internal;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.delivery.ButtonRows;
import ru.rosobr.assistant.intake.delivery.PartInDoubt;
import ru.rosobr.assistant.intake.delivery.PlatformFailure;
import ru.rosobr.assistant.intake.delivery.PlatformSender;
import ru.rosobr.assistant.intake.delivery.SentPart;
import ru.rosobr.assistant.intake.max.MaxProperties;
import ru.rosobr.assistant.intake.max.wire.AnswerOnCallbackBody;
import ru.rosobr.assistant.intake.max.wire.CallbackButton;
import ru.rosobr.assistant.intake.max.wire.InlineKeyboardAttachmentRequest;
import ru.rosobr.assistant.intake.max.wire.SendMessageBody;

/**
 * Sends to MAX: markdown text with an inline keyboard of callback buttons; button presses answered on /answers. MAX
 * takes no idempotency key, so a part left in doubt by a crash is looked up in the dialogue ({@link #shown}).
 */
public class MaxSender implements PlatformSender {

    /** Messages read back to find a part in doubt: MAX's most per request. */
    static final int LOOK_BACK = 100;
    private static final java.util.regex.Pattern MARKDOWN_LINK =
            java.util.regex.Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

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
    public Mono<SentPart> sendText(String platformUserId, String text, List<Button> buttons, UUID messageId, int part) {
        List<InlineKeyboardAttachmentRequest> attachments = buttons.isEmpty() ? null
                : List.of(InlineKeyboardAttachmentRequest.of(ButtonRows.layout(buttons).stream()
                        .map(row -> row.stream().map(b -> CallbackButton.of(b.text(), b.payload())).toList())
                        .toList()));
        // MAX reports no reads to a bot, so its message id is not needed; the dialog's chat_id is (the look-up of a
        // part in doubt reads the dialog by it, and a message sent by user_id does not know it)
        return client.sendMessage(platformUserId, new SendMessageBody(text, attachments, null, "markdown"))
                .mapNotNull(answer -> {
                    JsonNode chat = answer.path("message").path("recipient").path("chat_id");
                    return chat.isIntegralNumber() ? new SentPart(null, String.valueOf(chat.asLong())) : null;
                });
    }

    /**
     * Reads the dialogue back ({@code GET /messages?chat_id=…}, the latest {@link #LOOK_BACK} messages) and looks for
     * the part among the bot's messages created since the request went out. MAX sends by {@code user_id}, but reads
     * by the dialog's {@code chat_id}, which the teacher's updates tell (unknown: the look-up cannot be done).
     */
    @Override
    public Mono<Shown> shown(PartInDoubt part) {
        if (part.dialogId() == null || !part.dialogId().matches("-?[0-9]{1,19}")) {
            return Mono.error(new PlatformFailure("не известен id диалога педагога с ботом в MAX (его сообщает первое "
                    + "же сообщение или нажатие кнопки педагога)", 0, false));
        }
        return client.getMessages(Long.parseLong(part.dialogId()), LOOK_BACK).flatMap(answer -> {
            JsonNode messages = answer.path("messages");
            if (!messages.isArray()) {
                return Mono.error(new PlatformFailure(MaxClient.PLATFORM + " ответил без списка messages", 200, true));
            }
            long since = part.notBefore().toEpochMilli();
            boolean olderSeen = false;
            for (JsonNode m : messages) {
                long at = m.path("timestamp").asLong(0);
                if (at < since) {
                    olderSeen = true;
                } else if (fromBot(m, part.platformUserId())
                        && sameText(m.path("body").path("text").asString(""), part.text())) {
                    return Mono.just(Shown.YES);
                }
            }
            if (messages.size() >= LOOK_BACK && !olderSeen) {
                // a full page of newer messages: the part may be further back
                return Mono.error(new PlatformFailure("в диалоге больше " + LOOK_BACK + " сообщений после отправки — "
                        + "проверка не окончена", 200, false));
            }
            return Mono.just(Shown.NO);
        });
    }

    /** A dialog has two members: a message not from the teacher is the bot's. */
    private static boolean fromBot(JsonNode message, String platformUserId) {
        JsonNode sender = message.path("sender");
        if (sender.path("is_bot").asBoolean(false)) {
            return true;
        }
        JsonNode id = sender.path("user_id");
        return id.isIntegralNumber() && !String.valueOf(id.asLong()).equals(platformUserId);
    }

    /**
     * The text MAX shows for a part is the part itself; with markdown (the bot sends {@code format: markdown}) MAX
     * keeps the text without the markup characters (bold, links as their label, escapes), which it describes
     * apart. So a text that is not equal is compared by its letters and digits, a link by its label.
     */
    static boolean sameText(String shown, String sent) {
        if (shown.strip().equals(sent.strip())) {
            return true;
        }
        String a = skeleton(shown);
        return !a.isEmpty() && a.equals(skeleton(sent));
    }

    private static String skeleton(String text) {
        String labels = MARKDOWN_LINK.matcher(text).replaceAll("$1");
        StringBuilder out = new StringBuilder(labels.length());
        labels.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    @Override
    public Mono<Void> answerCallback(String platformUserId, String callbackId, String text) {
        return client.answerOnCallback(callbackId, new AnswerOnCallbackBody(null, text)).then();
    }
}
