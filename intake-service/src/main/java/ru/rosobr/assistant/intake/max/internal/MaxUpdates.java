package ru.rosobr.assistant.intake.max.internal;

import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.max.wire.BotStartedUpdate;
import ru.rosobr.assistant.intake.max.wire.Message;
import ru.rosobr.assistant.intake.max.wire.MessageCallbackUpdate;
import ru.rosobr.assistant.intake.max.wire.MessageCreatedUpdate;
import ru.rosobr.assistant.intake.max.wire.User;
import ru.rosobr.assistant.intake.messenger.InboundDecoder;
import ru.rosobr.assistant.intake.messenger.IncomingUpdate;
import ru.rosobr.assistant.platform.input.TextInput;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * MAX updates (SDK {@code Update}: envelope {@code update_type}, {@code timestamp}): checks an update before it is
 * stored, names it for de-duplication (message {@code mid}, {@code callback_id}; a bot start by user and time),
 * and decodes a stored one for the dialogue — with the dialog's {@code chat_id}, which reading the dialogue back
 * ({@code GET /messages?chat_id=…}) needs and a message sent by {@code user_id} does not tell until it is answered.
 */
public class MaxUpdates implements InboundDecoder {

    public static final List<String> HANDLED = List.of(BotStartedUpdate.TYPE, MessageCreatedUpdate.TYPE,
            MessageCallbackUpdate.TYPE);

    /** The update cannot be read: the platform (or whoever sent it) gets 400. */
    public static class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message);
        }
    }

    /**
     * The verdict on a received update.
     *
     * @param dedupKey null for an update type the bot does not handle (acknowledged and ignored)
     */
    public record Checked(String updateType, String dedupKey, JsonNode node) {
        public boolean handled() {
            return dedupKey != null;
        }
    }

    @Override
    public Channel channel() {
        return Channel.MAX;
    }

    public static Checked check(String body) {
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new Malformed("тело не является JSON");
        }
        return check(node);
    }

    public static Checked check(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new Malformed("ожидается JSON-объект обновления");
        }
        TextInput.nulIn(node).ifPresent(at -> {
            throw new Malformed("поле " + at + " " + TextInput.NUL_REASON);
        });
        JsonNode type = node.get("update_type");
        if (type == null || !type.isString() || type.asString().isBlank()) {
            throw new Malformed("нет поля update_type");
        }
        String updateType = type.asString();
        return switch (updateType) {
            case BotStartedUpdate.TYPE -> {
                long user = number(node.path("user").get("user_id"), "user.user_id");
                long at = number(node.get("timestamp"), "timestamp");
                yield new Checked(updateType, "bot_started:" + user + ":" + at, node);
            }
            case MessageCreatedUpdate.TYPE -> {
                String mid = text(node.path("message").path("body").get("mid"), "message.body.mid");
                if (!node.path("message").path("recipient").isObject()) {
                    throw new Malformed("нет поля message.recipient");
                }
                yield new Checked(updateType, "mid:" + mid, node);
            }
            case MessageCallbackUpdate.TYPE -> {
                String callbackId = text(node.path("callback").get("callback_id"), "callback.callback_id");
                number(node.path("callback").path("user").get("user_id"), "callback.user.user_id");
                yield new Checked(updateType, "callback:" + callbackId, node);
            }
            default -> new Checked(updateType, null, node);
        };
    }

    /**
     * Checks a handled update as the inbox worker will read it, so that an update with fields of the wrong type
     * (a string for a number, an object for a string) is refused at the door instead of failing later.
     */
    public static void checkDecodable(Checked checked) {
        try {
            new MaxUpdates().decode(checked.updateType(), checked.node().toString());
        } catch (JacksonException | NullPointerException e) {
            throw new Malformed("поля обновления " + checked.updateType() + " неверного типа или отсутствуют");
        }
    }

    @Override
    public Optional<IncomingUpdate> decode(String updateType, String payload) {
        return switch (updateType) {
            case BotStartedUpdate.TYPE -> {
                BotStartedUpdate u = EventCodec.mapper().readValue(payload, BotStartedUpdate.class);
                yield Optional.of(new IncomingUpdate.Started(String.valueOf(u.user().userId()), name(u.user()),
                        idOf(u.chatId())));
            }
            case MessageCreatedUpdate.TYPE -> {
                Message m = EventCodec.mapper().readValue(payload, MessageCreatedUpdate.class).message();
                // the bot talks to teachers one to one: group chats, channels and other bots are not its business
                if (m.sender() == null || m.sender().userId() == null || Boolean.TRUE.equals(m.sender().isBot())
                        || (m.recipient().chatType() != null && !"dialog".equals(m.recipient().chatType()))) {
                    yield Optional.empty();
                }
                String text = m.body().text() == null ? "" : m.body().text();
                yield Optional.of(new IncomingUpdate.Text(String.valueOf(m.sender().userId()), name(m.sender()),
                        text, m.body().mid(), idOf(m.recipient().chatId())));
            }
            case MessageCallbackUpdate.TYPE -> {
                MessageCallbackUpdate u = EventCodec.mapper().readValue(payload, MessageCallbackUpdate.class);
                // the pressed button is under the bot's message in the dialog: its recipient is that dialog
                Long chat = u.message() == null || u.message().recipient() == null ? null
                        : u.message().recipient().chatId();
                yield Optional.of(new IncomingUpdate.Pressed(String.valueOf(u.callback().user().userId()),
                        name(u.callback().user()), u.callback().payload(), u.callback().callbackId(), idOf(chat)));
            }
            default -> Optional.empty();
        };
    }

    /** The dialog's chat_id as text (intake keeps platform ids as text); null when the update has none. */
    private static String idOf(Long chatId) {
        return chatId == null ? null : String.valueOf(chatId);
    }

    private static String name(User user) {
        return user == null ? null : user.displayName();
    }

    private static long number(JsonNode n, String field) {
        if (n == null || !n.isIntegralNumber()) {
            throw new Malformed("нет поля " + field + " (число)");
        }
        if (!n.canConvertToLong()) {
            throw new Malformed("поле " + field + " вне диапазона 64-битного целого");
        }
        return n.asLong();
    }

    private static String text(JsonNode n, String field) {
        if (n == null || !n.isString() || n.asString().isBlank()) {
            throw new Malformed("нет поля " + field);
        }
        return n.asString();
    }
}
