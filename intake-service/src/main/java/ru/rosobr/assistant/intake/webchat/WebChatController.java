package ru.rosobr.assistant.intake.webchat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.dialogue.Rejected;
import ru.rosobr.assistant.intake.webchat.internal.WebChatService;
import ru.rosobr.assistant.platform.input.TextInput;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * The web chat: a development and demo channel that trusts the teacher identity it is given. Exists only while
 * {@code assistant.webchat.enabled} (env {@code WEBCHAT_ENABLED}) is true; otherwise its paths answer 404.
 */
@RestController
@RequestMapping("/api/webchat")
@ConditionalOnProperty(prefix = "assistant.webchat", name = "enabled", havingValue = "true", matchIfMissing = true)
public class WebChatController {

    private static final Logger log = LoggerFactory.getLogger(WebChatController.class);

    /** Response of a posted message. */
    public record Accepted(UUID messageId, UUID appealId) {
    }

    /** One message of the conversation (contract: direction, text, buttons, at; id and appealId added). */
    public record MessageView(UUID id, String direction, String text, List<Button> buttons, Instant at,
                              UUID appealId) {
    }

    /** Body of a button press. */
    public record CallbackRequest(String teacherId, String payload) {
    }

    /** What the assistant answers to a button press (also shown in the conversation). */
    public record CallbackReply(String reply, boolean accepted) {
    }

    /** A region for the simulator's choice. */
    public record RegionView(String code, String name, String federalDistrict) {
    }

    private final WebChatService service;

    public WebChatController(WebChatService service) {
        this.service = service;
    }

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Accepted> post(@RequestBody MessageRequest request) {
        if (request == null) {
            return Mono.error(new Rejected("Пустое тело запроса: ожидается JSON-объект"));
        }
        var problem = request.problem();
        if (problem.isPresent()) {
            return Mono.error(new Rejected(problem.get()));
        }
        return service.post(request).map(q -> new Accepted(q.messageId(), q.appealId()));
    }

    @GetMapping("/teachers/{teacherId}/messages")
    public Flux<MessageView> messages(@PathVariable String teacherId) {
        return service.history(teacherId)
                .map(m -> new MessageView(m.id(), m.direction().name(), m.text(), m.buttons(), m.at(), m.appealId()));
    }

    @PostMapping("/callbacks")
    public Mono<CallbackReply> callback(@RequestBody CallbackRequest request) {
        if (request == null || request.teacherId() == null || request.teacherId().isBlank()) {
            return Mono.error(new Rejected("Не указан идентификатор педагога (teacherId)"));
        }
        if (TextInput.hasNul(request.teacherId()) || TextInput.hasNul(request.payload())) {
            return Mono.error(new Rejected("Поле teacherId или payload " + TextInput.NUL_REASON));
        }
        if (request.teacherId().length() > MessageRequest.MAX_TEACHER_ID) {
            return Mono.error(new Rejected("Идентификатор педагога длиннее " + MessageRequest.MAX_TEACHER_ID
                    + " символов"));
        }
        log.debug("web chat callback from {}: {}", request.teacherId(), request.payload());
        return service.press(request.teacherId(), request.payload())
                .map(reply -> new CallbackReply(reply.text(), reply.emitted()));
    }

    @GetMapping("/regions")
    public List<RegionView> regions() {
        return Regions.all().stream().map(r -> new RegionView(r.code(), r.name(), r.federalDistrict())).toList();
    }
}
