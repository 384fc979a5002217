package ru.rosobr.assistant.followup.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;

/**
 * A campaign with its progress, as {@code GET /api/campaigns/{id}} shows it. {@code queued}: not sent yet, in
 * regions whose 08:00–19:00 is now; {@code held}: not sent yet, waiting for the morning of their region;
 * {@code sent}: handed to delivery; {@code delivered}/{@code failed}: what the platforms answered;
 * {@code read}: reads the platforms reported (VK does, MAX reports none to a bot — {@code readNote} says so);
 * {@code readable}: delivered through a channel that reports reads, the base of {@code readRate};
 * {@code deliveryRate}: delivered among delivered and failed.
 */
public record CampaignView(UUID id, String title, String text, List<Button> buttons, Audience audience,
                           int ratePerSecond, CampaignStatus status, long total, long queued, long held, long sent,
                           long delivered, long read, long failed, long cancelled, @Nullable Instant scheduledAt,
                           String createdBy, Instant createdAt, @Nullable Instant startedAt,
                           @Nullable Instant finishedAt, @Nullable Instant eta, @Nullable Long etaSeconds,
                           long readable, @Nullable Double deliveryRate, @Nullable Double readRate,
                           List<String> readReportedBy, String readNote) {

    /** The channels whose platform reports to the bot that a message was read. */
    public static final List<String> READ_REPORTED_BY = List.of("VK");

    public static final String READ_NOTE = "MAX не сообщает о прочтении: прочтения и их доля считаются только "
            + "по сообщениям, доставленным в VK (Сферум)";
}
