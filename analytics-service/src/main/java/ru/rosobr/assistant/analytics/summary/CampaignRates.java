package ru.rosobr.assistant.analytics.summary;

import org.jspecify.annotations.Nullable;

/**
 * Campaign messages of a region over a period: {@code attempted} — the platform answered for them (delivered or
 * failed), {@code delivered}, {@code failed} = attempted − delivered, {@code readable} — delivered through a channel
 * that reports reads (VK), {@code read} — reported reads. {@code deliveryRate} = delivered / attempted and
 * {@code readRate} = read / readable (0…1, four decimals; null without a base). MAX reports no reads to a bot, so
 * its messages are outside the read rate ({@code readNote}).
 */
public record CampaignRates(@Nullable String region, String name, long attempted, long delivered, long failed,
                            long readable, long read, @Nullable Double deliveryRate, @Nullable Double readRate,
                            String readNote) {

    public static final String READ_NOTE = "MAX не сообщает о прочтении: доля прочтения — по сообщениям, "
            + "доставленным в VK (Сферум)";

    static Double rate(long part, long whole) {
        return whole <= 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
