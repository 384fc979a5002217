package ru.rosobr.assistant.intake.delivery;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;

/**
 * Talks to one messenger platform. Called by the delivery worker outside any database transaction, wrapped in
 * the channel's rate limiter, retry and circuit breaker. A failure is a {@link PlatformFailure} that says whether
 * trying again may help.
 */
public interface PlatformSender {

    Channel channel();

    /** The platform's limit for one message's text; longer texts are sent in parts. */
    int maxTextLength();

    /** Requests per second the platform allows the bot. */
    int requestsPerSecond();

    /**
     * Sends one part of a message to the user.
     *
     * @param buttons   callback buttons under this part (the last part of a message carries them)
     * @param messageId the delivery's id; with {@code part} it identifies the request across retries
     * @return the platform's id of the message it created, when it tells one and it is needed (VK: a read is
     *         reported as "read up to message id N"); empty otherwise
     */
    Mono<String> sendText(String platformUserId, String text, List<Button> buttons, UUID messageId, int part);

    /**
     * True when the platform drops a repeated request for the same message id and part (VK's random_id): a part
     * left in doubt by a crash is then simply sent again. False (MAX takes no such key): it is not, so that nobody
     * gets the same message twice.
     */
    default boolean idempotent() {
        return false;
    }

    /** Answers a button press (a short notification shown to the user). */
    Mono<Void> answerCallback(String platformUserId, String callbackId, String text);
}
