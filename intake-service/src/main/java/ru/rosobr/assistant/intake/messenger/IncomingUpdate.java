package ru.rosobr.assistant.intake.messenger;

/**
 * What a teacher did in a messenger, whatever the platform: started the bot, wrote a message, pressed a button.
 * The platform decoders turn their updates into these; the dialogue handles them the same way for every channel.
 */
public sealed interface IncomingUpdate {

    /** The platform's id of the user (MAX user_id, VK from_id / user_id). */
    String platformUserId();

    /** The user's name in the messenger profile, or null. */
    String displayName();

    /**
     * The platform's id of the bot's dialogue with the user, where the platform names it apart from the user (MAX:
     * the dialog's chat_id, which reading the dialogue back needs); null when the platform has none or did not say.
     */
    String dialogId();

    /** The user opened the dialogue with the bot (MAX bot_started). */
    record Started(String platformUserId, String displayName, String dialogId) implements IncomingUpdate {
        public Started(String platformUserId, String displayName) {
            this(platformUserId, displayName, null);
        }
    }

    /**
     * A message.
     *
     * @param text       the text, empty for a message without text (a sticker, a file)
     * @param externalId the platform's message id
     */
    record Text(String platformUserId, String displayName, String text, String externalId, String dialogId)
            implements IncomingUpdate {
        public Text(String platformUserId, String displayName, String text, String externalId) {
            this(platformUserId, displayName, text, externalId, null);
        }
    }

    /**
     * A callback button press.
     *
     * @param callbackId the platform's id of the press, used to answer it (MAX callback_id, VK event_id)
     */
    record Pressed(String platformUserId, String displayName, String payload, String callbackId, String dialogId)
            implements IncomingUpdate {
        public Pressed(String platformUserId, String displayName, String payload, String callbackId) {
            this(platformUserId, displayName, payload, callbackId, null);
        }
    }

    /**
     * The user read the bot's messages up to the platform's message id {@code upTo} (VK message_read; MAX reports
     * no reads to a bot). Not a turn of the dialogue: nothing is answered.
     */
    record Read(String platformUserId, long upTo) implements IncomingUpdate {
        @Override
        public String displayName() {
            return null;
        }

        @Override
        public String dialogId() {
            return null;
        }
    }
}
