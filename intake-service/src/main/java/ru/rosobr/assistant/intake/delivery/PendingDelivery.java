package ru.rosobr.assistant.intake.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;

/**
 * A message claimed by the delivery worker: what to send, to whom, and how far it got.
 *
 * @param origin      OUTBOUND (an outbound.messages event: its outcome goes to outbound.delivery) or REPLY
 *                    (intake's own answer in the dialogue)
 * @param callbackId  set for the answer to a button press
 * @param partsSent   parts of a long text already accepted by the platform (never sent again)
 * @param failedRounds worker rounds that failed so far
 * @param urgent      false for reminders and campaigns: they go out only in the teacher's daytime, retries too
 * @param region      the teacher's region (its time zone decides the daytime); null reads as Moscow
 * @param partInFlight the part whose request was out when the previous owner stopped (it died mid-request):
 *                    the platform may have taken it; null when no request was left open
 * @param partInFlightAt when that request went out (the database's clock); null for a row marked before it was kept
 * @param platformDialogId the platform's id of the bot's dialogue with the teacher (MAX chat_id), where a platform
 *                    update told it: a part in doubt is looked up there; null when not known
 */
public record PendingDelivery(UUID messageId, String teacherId, UUID appealId, Channel channel,
                              String platformUserId, String kind, String origin, String text, List<Button> buttons,
                              String callbackId, String status, int attempts, int partsSent, int failedRounds,
                              Instant createdAt, Instant firstFailedAt, boolean urgent, String region,
                              Integer partInFlight, Instant partInFlightAt, String platformDialogId) {

    public static final String OUTBOUND = "OUTBOUND";
    public static final String REPLY = "REPLY";

    public PendingDelivery {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public boolean isOutbound() {
        return OUTBOUND.equals(origin);
    }

    /** The previous owner died with a part's request out: the platform may or may not have shown that part. */
    public boolean partInDoubt() {
        return partInFlight != null && partInFlight >= partsSent;
    }
}
