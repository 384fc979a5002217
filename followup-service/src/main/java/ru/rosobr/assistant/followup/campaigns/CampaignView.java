package ru.rosobr.assistant.followup.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;

/**
 * A campaign with its progress, as {@code GET /api/campaigns/{id}} shows it. {@code queued}: not sent yet, in
 * regions whose 08:00–19:00 is now; {@code held}: not sent yet, waiting for the morning of their region;
 * {@code sent}: handed to delivery; {@code delivered}/{@code failed}: what the platforms answered;
 * {@code read}: reported reads (none of the connected platforms reports them to a bot, see the README).
 */
public record CampaignView(UUID id, String title, String text, List<Button> buttons, Audience audience,
                           int ratePerSecond, CampaignStatus status, long total, long queued, long held, long sent,
                           long delivered, long read, long failed, long cancelled, Instant scheduledAt,
                           String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                           Instant eta, Long etaSeconds) {
}
