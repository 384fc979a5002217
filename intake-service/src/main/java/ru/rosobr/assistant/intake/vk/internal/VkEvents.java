package ru.rosobr.assistant.intake.vk.internal;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.messenger.InboundDecoder;
import ru.rosobr.assistant.intake.messenger.IncomingUpdate;
import ru.rosobr.assistant.intake.vk.wire.CallbackEvent;
import ru.rosobr.assistant.intake.vk.wire.MessageEvent;
import ru.rosobr.assistant.intake.vk.wire.MessageNew;
import ru.rosobr.assistant.intake.vk.wire.MessageRead;
import ru.rosobr.assistant.intake.vk.wire.VkMessage;
import ru.rosobr.assistant.platform.input.TextInput;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * VK Callback API notifications: reads and checks one, names it for de-duplication ({@code event_id}, else the
 * message or the press), and decodes a stored one for the dialogue. Only private dialogues with users are the
 * bot's business (no group chats, no communities).
 */
public class VkEvents implements InboundDecoder {

    /** Peer ids of group chats start here. */
    static final long CHAT_PEER_BASE = 2_000_000_000L;

    /** The notification cannot be read: VK (or whoever sent it) gets 400. */
    public static class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message);
        }
    }

    /** A read notification; {@code dedupKey} null for types the bot does not handle. */
    public record Checked(CallbackEvent event, String dedupKey) {
        public boolean handled() {
            return dedupKey != null;
        }
    }

    @Override
    public Channel channel() {
        return Channel.VK;
    }

    public static Checked check(String body) {
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new Malformed("тело не является JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Malformed("ожидается JSON-объект уведомления");
        }
        TextInput.nulIn(node).ifPresent(at -> {
            throw new Malformed("поле " + at + " " + TextInput.NUL_REASON);
        });
        JsonNode type = node.get("type");
        if (type == null || !type.isString() || type.asString().isBlank()) {
            throw new Malformed("нет поля type");
        }
        CallbackEvent event;
        try {
            event = EventCodec.mapper().treeToValue(node, CallbackEvent.class);
        } catch (JacksonException e) {
            throw new Malformed("поля уведомления не читаются");
        }
        String envelopeId = event.eventId() == null || event.eventId().isBlank() ? null : event.eventId();
        return switch (event.type()) {
            case CallbackEvent.MESSAGE_NEW -> {
                VkMessage m = messageNew(event).message();
                if (m == null || m.fromId() == null || m.peerId() == null) {
                    throw new Malformed("нет полей object.message.from_id / peer_id");
                }
                yield new Checked(event, envelopeId != null ? "event:" + envelopeId
                        : "message:" + m.peerId() + ":" + (m.id() != null && m.id() > 0 ? m.id()
                        : "c" + m.conversationMessageId()));
            }
            case CallbackEvent.MESSAGE_EVENT -> {
                MessageEvent e = messageEvent(event);
                if (e.userId() == null || e.peerId() == null || e.eventId() == null || e.eventId().isBlank()) {
                    throw new Malformed("нет полей object.user_id / peer_id / event_id");
                }
                yield new Checked(event, envelopeId != null ? "event:" + envelopeId : "press:" + e.eventId());
            }
            case CallbackEvent.MESSAGE_READ -> {
                MessageRead r = messageRead(event);
                if (r.fromId() == null || r.readMessageId() == null) {
                    throw new Malformed("нет полей object.from_id / read_message_id");
                }
                yield new Checked(event, envelopeId != null ? "event:" + envelopeId
                        : "read:" + r.fromId() + ":" + r.readMessageId());
            }
            default -> new Checked(event, null);
        };
    }

    @Override
    public Optional<IncomingUpdate> decode(String updateType, String payload) {
        CallbackEvent event = EventCodec.mapper().readValue(payload, CallbackEvent.class);
        return switch (updateType) {
            case CallbackEvent.MESSAGE_NEW -> {
                VkMessage m = messageNew(event).message();
                if (m.fromId() <= 0 || m.peerId() >= CHAT_PEER_BASE) {
                    yield Optional.empty();
                }
                String id = m.id() != null && m.id() > 0 ? String.valueOf(m.id())
                        : "c" + m.conversationMessageId();
                yield Optional.of(new IncomingUpdate.Text(String.valueOf(m.fromId()), null,
                        m.text() == null ? "" : m.text(), id));
            }
            case CallbackEvent.MESSAGE_EVENT -> {
                MessageEvent e = messageEvent(event);
                if (e.peerId() >= CHAT_PEER_BASE) {
                    yield Optional.empty();
                }
                yield Optional.of(new IncomingUpdate.Pressed(String.valueOf(e.userId()), null, payloadOf(e.payload()),
                        e.eventId()));
            }
            case CallbackEvent.MESSAGE_READ -> {
                MessageRead r = messageRead(event);
                if (r.fromId() <= 0 || (r.peerId() != null && r.peerId() >= CHAT_PEER_BASE)) {
                    yield Optional.empty();
                }
                yield Optional.of(new IncomingUpdate.Read(String.valueOf(r.fromId()), r.readMessageId()));
            }
            default -> Optional.empty();
        };
    }

    /** The bot's callback payloads travel as {@code {"p": "<payload>"}} (VK wants JSON there). */
    static String payloadOf(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return "";
        }
        JsonNode node = payload;
        if (payload.isString()) {
            try {
                node = EventCodec.mapper().readTree(payload.asString());
            } catch (JacksonException e) {
                return payload.asString();
            }
        }
        JsonNode p = node.get("p");
        return p != null && p.isString() ? p.asString() : node.toString();
    }

    private static MessageNew messageNew(CallbackEvent event) {
        if (event.object() == null || !event.object().isObject()) {
            throw new Malformed("нет поля object");
        }
        try {
            return EventCodec.mapper().treeToValue(event.object(), MessageNew.class);
        } catch (JacksonException e) {
            throw new Malformed("object не читается как {message, client_info}");
        }
    }

    private static MessageRead messageRead(CallbackEvent event) {
        if (event.object() == null || !event.object().isObject()) {
            throw new Malformed("нет поля object");
        }
        try {
            return EventCodec.mapper().treeToValue(event.object(), MessageRead.class);
        } catch (JacksonException e) {
            throw new Malformed("object не читается как message_read");
        }
    }

    private static MessageEvent messageEvent(CallbackEvent event) {
        if (event.object() == null || !event.object().isObject()) {
            throw new Malformed("нет поля object");
        }
        try {
            return EventCodec.mapper().treeToValue(event.object(), MessageEvent.class);
        } catch (JacksonException e) {
            throw new Malformed("object не читается как message_event");
        }
    }
}
