package ru.rosobr.assistant.analytics.rebuild;

/**
 * What a rebuild did: records read from the topics, events applied, repeated events (the same event id published
 * again) skipped, records that could not be decoded or applied skipped, and how long it took.
 */
public record RebuildReport(long records, long applied, long duplicates, long failed, long tookMillis) {
}
