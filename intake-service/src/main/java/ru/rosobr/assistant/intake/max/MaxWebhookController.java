package ru.rosobr.assistant.intake.max;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.max.internal.MaxUpdates;
import ru.rosobr.assistant.intake.messenger.Inbox;
import ru.rosobr.assistant.intake.web.WebhookResponses;

/**
 * {@code POST /webhooks/max}: MAX Bot API updates. The {@code X-Max-Bot-Api-Secret} header must equal
 * {@code MAX_WEBHOOK_SECRET} (else 401, nothing stored). The update is only stored (once per {@code mid} /
 * {@code callback_id}) and acknowledged with 200 at once — MAX re-sends an unacknowledged update for hours; the
 * inbox worker processes it afterwards. Unreadable JSON → 400; an update type the bot does not handle → 200,
 * ignored.
 */
@RestController
public class MaxWebhookController {

    public static final String SECRET_HEADER = "X-Max-Bot-Api-Secret";
    private static final Logger log = LoggerFactory.getLogger(MaxWebhookController.class);

    private final MaxProperties props;
    private final Inbox inbox;

    public MaxWebhookController(MaxProperties props, Inbox inbox) {
        this.props = props;
        this.inbox = inbox;
    }

    @PostMapping("/webhooks/max")
    public Mono<ResponseEntity<String>> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
                                                @RequestBody(required = false) String body) {
        if (!WebhookResponses.secretMatches(props.webhookSecret(), secret)) {
            log.warn("MAX webhook refused: {}", props.webhookSecret() == null
                    ? "MAX_WEBHOOK_SECRET is not configured" : "wrong or missing " + SECRET_HEADER);
            return Mono.just(WebhookResponses.problem(HttpStatus.UNAUTHORIZED, "Доступ запрещён",
                    "Неверный секрет вебхука MAX (заголовок " + SECRET_HEADER + ")"));
        }
        MaxUpdates.Checked checked;
        try {
            checked = MaxUpdates.check(body);
            if (checked.handled()) {
                MaxUpdates.checkDecodable(checked);
            }
        } catch (MaxUpdates.Malformed e) {
            log.warn("MAX webhook: malformed update refused: {}", e.getMessage());
            return Mono.just(WebhookResponses.problem(HttpStatus.BAD_REQUEST, "Некорректное обновление MAX",
                    "Обновление не принято: " + e.getMessage()));
        }
        if (!checked.handled()) {
            log.info("MAX webhook: update type {} is not handled: acknowledged and ignored", checked.updateType());
            return Mono.just(ok());
        }
        return inbox.store(Channel.MAX, checked.dedupKey(), checked.updateType(), body)
                .map(fresh -> ok());
    }

    private static ResponseEntity<String> ok() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("OK");
    }
}
