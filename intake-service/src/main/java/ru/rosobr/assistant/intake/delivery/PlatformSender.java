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
     * @return what the platform told of the message it created, when something of it is needed (VK: its id;
     *         MAX: the dialog's chat_id); empty otherwise
     */
    Mono<SentPart> sendText(String platformUserId, String text, List<Button> buttons, UUID messageId, int part);

    /**
     * True when the platform drops a repeated request for the same message id and part (VK's random_id): a part
     * left in doubt by a crash is then simply sent again. False (MAX takes no such key): the part is looked up with
     * {@link #shown} first, so that nobody gets the same message twice.
     */
    default boolean idempotent() {
        return false;
    }

    /** What the bot's dialogue says of a part in doubt. */
    enum Shown {
        /** The dialogue has it: the part counts as sent. */
        YES,
        /** The dialogue does not have it: the platform never took the request, so the part is sent. */
        NO,
        /** This platform cannot read its dialogues back (or not this one): the part is given up, never repeated. */
        CANNOT_TELL
    }

    /**
     * For a platform without duplicate detection ({@link #idempotent()} false): looks for a part left in doubt by a
     * crash among the bot's own messages in the dialogue. Without this, such a part can only be given up (the
     * teacher may never get it) or repeated (the teacher may get it twice); reading the dialogue back tells which.
     * It sits here, with the sending, because only the platform's client knows how its dialogue is read and how a
     * sent text looks there. Called under the channel's guard like a send (rate limiter, retries, breaker), so it
     * takes one request of the platform's share.
     *
     * @return YES / NO; CANNOT_TELL by default. A failed read is an error (a {@link PlatformFailure}), as for a send.
     */
    default Mono<Shown> shown(PartInDoubt part) {
        return Mono.just(Shown.CANNOT_TELL);
    }

    /** Answers a button press (a short notification shown to the user). */
    Mono<Void> answerCallback(String platformUserId, String callbackId, String text);
}
