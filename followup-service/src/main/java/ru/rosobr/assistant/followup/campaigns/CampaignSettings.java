package ru.rosobr.assistant.followup.campaigns;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.rosobr.assistant.platform.calendar.DaytimeWindow;

/**
 * How campaigns are sent ({@code assistant.campaigns.*}).
 *
 * @param tick               how often the dispatcher hands out each running campaign's sending budget
 * @param maxRatePerSecond   the highest campaign rate allowed: within the lowest per-bot platform limit (VK 20/s;
 *                           MAX allows 30/s), so that answers to teachers keep their share of the platform's budget
 * @param enqueueChunk       audience rows copied into a campaign per transaction (bounded memory, resumable)
 * @param maxPerTransaction  messages handed to delivery per transaction when the budget is large (a lifted limit)
 * @param dayFrom            campaign messages go out from this local time of the teacher's region…
 * @param dayTo              …until this one (school chat etiquette: 08:00–19:00)
 */
@ConfigurationProperties("assistant.campaigns")
public record CampaignSettings(Duration tick, Integer maxRatePerSecond, Integer enqueueChunk,
                               Integer maxPerTransaction, LocalTime dayFrom, LocalTime dayTo) {
    public CampaignSettings {
        tick = tick == null ? Duration.ofMillis(100) : tick;
        maxRatePerSecond = maxRatePerSecond == null ? 20 : maxRatePerSecond;
        enqueueChunk = enqueueChunk == null ? 20_000 : enqueueChunk;
        maxPerTransaction = maxPerTransaction == null ? 1_000 : maxPerTransaction;
        dayFrom = dayFrom == null ? DaytimeWindow.OPENS : dayFrom;
        dayTo = dayTo == null ? DaytimeWindow.CLOSES : dayTo;
        if (tick.isNegative() || tick.isZero() || maxRatePerSecond < 1 || enqueueChunk < 1 || maxPerTransaction < 1) {
            throw new IllegalStateException("assistant.campaigns: tick, rate and chunk sizes must be positive");
        }
    }

    public DaytimeWindow window() {
        return new DaytimeWindow(dayFrom, dayTo);
    }
}
