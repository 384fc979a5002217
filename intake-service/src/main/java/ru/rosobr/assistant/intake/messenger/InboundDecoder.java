package ru.rosobr.assistant.intake.messenger;

import java.util.Optional;

import ru.rosobr.assistant.contracts.Channel;

/** Reads a stored update of one platform (one bean per channel). */
public interface InboundDecoder {

    Channel channel();

    /**
     * What the update means for the dialogue; empty for updates that are none of the bot's business (a message
     * in a group chat, a message of another bot).
     */
    Optional<IncomingUpdate> decode(String updateType, String payload);
}
