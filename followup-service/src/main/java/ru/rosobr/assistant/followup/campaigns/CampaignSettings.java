package ru.rosobr.assistant.followup.campaigns;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How campaigns are sent ({@code assistant.campaigns.*}).
 *
 * @param tick               how often the dispatcher hands out each running campaign's sending budget
 * @param maxRatePerSecond   the highest campaign rate allowed: within the lowest per-bot platform limit (VK 20/s;
 *                           MAX allows 30/s), so that answers to teachers keep their share of the platform's budget
 * @param enqueueChunk       audience rows copied into a campaign per transaction (bounded memory, resumable)
 * @param maxPerTransaction  messages handed to delivery per transaction when the budget is large (a lifted limit)
 */
@ConfigurationProperties("assistant.campaigns")
public record CampaignSettings(Duration tick, Integer maxRatePerSecond, Integer enqueueChunk,
                               Integer maxPerTransaction) {
    public CampaignSettings {
        tick = tick == null ? Duration.ofMillis(100) : tick;
        maxRatePerSecond = maxRatePerSecond == null ? 20 : maxRatePerSecond;
        enqueueChunk = enqueueChunk == null ? 20_000 : enqueueChunk;
        maxPerTransaction = maxPerTransaction == null ? 1_000 : maxPerTransaction;
        if (tick.isNegative() || tick.isZero() || maxRatePerSecond < 1 || enqueueChunk < 1 || maxPerTransaction < 1) {
            throw new IllegalStateException("assistant.campaigns: tick, rate and chunk sizes must be positive");
        }
    }
}
