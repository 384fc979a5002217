package ru.rosobr.assistant.intake.vk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.messenger.Inbox;
import ru.rosobr.assistant.intake.vk.wire.CallbackEvent;
import ru.rosobr.assistant.intake.vk.internal.VkEvents;
import ru.rosobr.assistant.intake.web.WebhookResponses;

/**
 * {@code POST /webhooks/vk}: the VK Callback API (Sferum / VK Messenger community). Every notification must carry
 * the configured {@code secret} (else 401 "forbidden", nothing stored). {@code confirmation} is answered with
 * {@code VK_CONFIRMATION}; {@code message_new} and {@code message_event} are stored once per event and answered
 * "ok" at once (VK re-sends what was not acknowledged); other types are answered "ok" and ignored. Unreadable JSON
 * → 400.
 */
@RestController
public class VkCallbackController {

    private static final Logger log = LoggerFactory.getLogger(VkCallbackController.class);

    private final VkProperties props;
    private final Inbox inbox;

    public VkCallbackController(VkProperties props, Inbox inbox) {
        this.props = props;
        this.inbox = inbox;
    }

    @PostMapping("/webhooks/vk")
    public Mono<ResponseEntity<String>> receive(@RequestBody(required = false) String body) {
        VkEvents.Checked checked;
        try {
            checked = VkEvents.check(body);
        } catch (VkEvents.Malformed e) {
            log.warn("VK callback: malformed notification refused: {}", e.getMessage());
            return Mono.just(text(HttpStatus.BAD_REQUEST, "bad request: " + e.getMessage()));
        }
        CallbackEvent event = checked.event();
        if (!WebhookResponses.secretMatches(props.secret(), event.secret())) {
            log.warn("VK callback {} refused: {}", event.type(), props.secret() == null
                    ? "VK_SECRET is not configured" : "wrong or missing secret");
            return Mono.just(text(HttpStatus.UNAUTHORIZED, "forbidden"));
        }
        if (CallbackEvent.CONFIRMATION.equals(event.type())) {
            if (props.confirmation() == null) {
                log.warn("VK confirmation requested for group {} but VK_CONFIRMATION is not configured",
                        event.groupId());
                return Mono.just(text(HttpStatus.SERVICE_UNAVAILABLE, "VK_CONFIRMATION is not configured"));
            }
            log.info("VK confirmation for group {}", event.groupId());
            return Mono.just(text(HttpStatus.OK, props.confirmation()));
        }
        if (!checked.handled()) {
            log.info("VK callback: type {} is not handled: acknowledged and ignored", event.type());
            return Mono.just(text(HttpStatus.OK, "ok"));
        }
        return inbox.store(Channel.VK, checked.dedupKey(), event.type(), body)
                .map(fresh -> text(HttpStatus.OK, "ok"));
    }

    private static ResponseEntity<String> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
