package ru.rosobr.assistant.followup.campaigns;

/** A campaign's counters in one region. */
public record RegionProgress(String region, long total, long sent, long delivered, long failed, long read) {

    public long remaining() {
        return Math.max(0, total - sent);
    }
}
