package ru.rosobr.assistant.intake.conversation;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.conversation.internal.MessageRepository;

/** The conversation log of every teacher, whatever the channel. */
public class Conversations {

    /** A teacher's history is shown up to this many latest messages. */
    public static final int HISTORY_LIMIT = 500;

    private final MessageRepository repository;

    public Conversations(MessageRepository repository) {
        this.repository = repository;
    }

    /**
     * Records what the teacher wrote; emits the message's id. Inside a transaction the message is written with the
     * transaction's other messages just before it commits.
     *
     * @param externalId the platform's message id, or null; a repeated one (a webhook delivered twice) is an error
     *                   of the unique index, so the caller's transaction rolls back
     */
    public Mono<UUID> recordIncoming(String teacherId, UUID appealId, String text, String externalId) {
        UUID id = UUID.randomUUID();
        return repository.insertIncoming(id, teacherId, appealId, text, externalId).thenReturn(id);
    }

    /**
     * Records a message shown to the teacher.
     *
     * @param outboundId the outbound.messages event id it came from, or null for the channel's own confirmations
     *                   (written with the transaction's other messages, like {@link #recordIncoming}); a message
     *                   already recorded for an outbound id is not recorded again
     * @return true when recorded now, false when it had been recorded before
     */
    public Mono<Boolean> recordOutgoing(String teacherId, UUID appealId, String text, List<Button> buttons,
                                        UUID outboundId) {
        if (outboundId == null) {
            return repository.insertOwnOutgoing(UUID.randomUUID(), teacherId, appealId, text, buttons)
                    .thenReturn(true);
        }
        return repository.insertOutgoing(outboundId, teacherId, appealId, text, buttons);
    }

    /** The teacher's latest messages, oldest first. */
    public Flux<ChatMessage> history(String teacherId) {
        return repository.latest(teacherId, HISTORY_LIMIT);
    }
}
