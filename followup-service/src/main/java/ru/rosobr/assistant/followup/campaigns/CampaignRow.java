package ru.rosobr.assistant.followup.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;

/** A campaign as stored. */
public record CampaignRow(UUID id, String title, String text, List<Button> buttons, Audience audience,
                          int ratePerSecond, CampaignStatus status, Instant scheduledAt, String createdBy,
                          String ownerRegion, Instant createdAt, Instant startedAt, Instant finishedAt,
                          long audienceSize, boolean enqueued) {
}
