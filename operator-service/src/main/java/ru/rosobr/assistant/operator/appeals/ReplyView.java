package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.util.UUID;

/** The stored reply, answered with 201; {@code appealVersion} is the appeal's version after the reply. */
public record ReplyView(UUID id, UUID appealId, String operatorId, String text, Instant at,
                        AppealStatus appealStatus, long appealVersion) {
}
