package ru.rosobr.assistant.followup.campaigns;

/**
 * A campaign's counters in one region. {@code readable}: delivered through a channel that reports reads (VK);
 * {@code read} counts reported reads among them.
 */
public record RegionProgress(String region, long total, long sent, long delivered, long failed, long read,
                             long readable) {

    /** Delivered among those the platforms answered for (delivered + failed), 0…1; null before any answer. */
    public Double deliveryRate() {
        return rate(delivered, delivered + failed);
    }

    /** Read among those delivered through a channel that reports reads, 0…1; null when there are none. */
    public Double readRate() {
        return rate(read, readable);
    }

    static Double rate(long part, long whole) {
        return whole <= 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    public long remaining() {
        return Math.max(0, total - sent);
    }
}
