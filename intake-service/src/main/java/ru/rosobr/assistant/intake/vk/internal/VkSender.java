package ru.rosobr.assistant.intake.vk.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.delivery.ButtonRows;
import ru.rosobr.assistant.intake.delivery.PlatformSender;
import ru.rosobr.assistant.intake.delivery.SentPart;
import ru.rosobr.assistant.intake.vk.VkProperties;
import ru.rosobr.assistant.intake.vk.wire.EventData;
import ru.rosobr.assistant.intake.vk.wire.Keyboard;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * Sends to VK with {@code messages.send}: {@code peer_id}, the text, an inline keyboard of callback buttons, and a
 * {@code random_id} derived from the message id and part — VK drops a repeated random_id, so a retry after a lost
 * answer never shows the teacher the message twice. Button presses are answered with
 * {@code messages.sendMessageEventAnswer}.
 */
public class VkSender implements PlatformSender {

    /** VK allows 4096 characters; the same margin as MAX keeps parts alike. */
    static final int MAX_TEXT = 4000;

    private final VkClient client;
    private final VkProperties props;

    public VkSender(VkClient client, VkProperties props) {
        this.client = client;
        this.props = props;
    }

    @Override
    public Channel channel() {
        return Channel.VK;
    }

    @Override
    public int maxTextLength() {
        return MAX_TEXT;
    }

    @Override
    public int requestsPerSecond() {
        return props.rateLimit();
    }

    /** random_id: VK drops the repeat of a part that may have gone out before a crash. */
    @Override
    public boolean idempotent() {
        return true;
    }

    /** A positive int32, the same for the same message part on every try. */
    public static int randomId(UUID messageId, int part) {
        long bits = UUID.nameUUIDFromBytes((messageId + "#" + part).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
        int id = (int) (bits ^ (bits >>> 32)) & 0x7fffffff;
        return id == 0 ? 1 : id;
    }

    @Override
    public Mono<SentPart> sendText(String platformUserId, String text, List<Button> buttons, UUID messageId, int part) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.set("peer_id", platformUserId);
        params.set("random_id", String.valueOf(randomId(messageId, part)));
        params.set("message", text);
        if (!buttons.isEmpty()) {
            params.set("keyboard", EventCodec.mapper().writeValueAsString(keyboard(buttons)));
        }
        // {"response": <message id>}: kept, because message_read names the last read message by this id
        return client.call("messages.send", params)
                .flatMap(node -> {
                    var id = node.get("response");
                    return id != null && id.isIntegralNumber() && id.asLong() > 0
                            ? Mono.just(new SentPart(String.valueOf(id.asLong()), null)) : Mono.empty();
                });
    }

    @Override
    public Mono<Void> answerCallback(String platformUserId, String callbackId, String text) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.set("event_id", callbackId);
        params.set("user_id", platformUserId);
        params.set("peer_id", platformUserId);
        params.set("event_data", EventCodec.mapper().writeValueAsString(EventData.snackbar(text)));
        return client.call("messages.sendMessageEventAnswer", params).then();
    }

    /** An inline keyboard within VK's limits (10 buttons, 6 rows; labels of 40 characters). */
    static Keyboard keyboard(List<Button> buttons) {
        List<Button> kept = buttons.size() > Keyboard.INLINE_MAX_BUTTONS
                ? buttons.subList(0, Keyboard.INLINE_MAX_BUTTONS) : buttons;
        List<List<Button>> rows = ButtonRows.layout(kept);
        if (rows.size() > Keyboard.INLINE_MAX_ROWS) {
            rows = new ArrayList<>();
            for (int i = 0; i < kept.size(); i += 2) {
                rows.add(kept.subList(i, Math.min(kept.size(), i + 2)));
            }
        }
        return new Keyboard(null, true, rows.stream()
                .map(row -> row.stream().map(VkSender::button).toList())
                .toList());
    }

    private static Keyboard.Button button(Button b) {
        String label = b.text().codePointCount(0, b.text().length()) <= Keyboard.MAX_LABEL ? b.text()
                : b.text().substring(0, b.text().offsetByCodePoints(0, Keyboard.MAX_LABEL - 1)) + "…";
        String payload = EventCodec.mapper().writeValueAsString(Map.of("p", b.payload()));
        return new Keyboard.Button(new Keyboard.Action("callback", label, payload),
                b.payload().startsWith("human:") ? "primary" : "secondary");
    }
}
