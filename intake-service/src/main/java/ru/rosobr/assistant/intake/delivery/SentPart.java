package ru.rosobr.assistant.intake.delivery;

/**
 * What a platform told of a message part it took.
 *
 * @param platformMessageId the platform's id of the message it created, when it is needed (VK: a read is reported
 *                          as "read up to message id N"); null otherwise
 * @param dialogId          the platform's id of the dialogue the part went to, where the platform names it apart
 *                          from the user (MAX: the send answer's {@code recipient.chat_id}); kept for a teacher whose
 *                          dialogue intake did not know yet, so that a part left in doubt can be looked up there
 */
public record SentPart(String platformMessageId, String dialogId) {

    /** The platform told nothing worth keeping. */
    public static final SentPart NONE = new SentPart(null, null);
}
