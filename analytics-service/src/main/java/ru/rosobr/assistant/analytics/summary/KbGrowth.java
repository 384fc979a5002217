package ru.rosobr.assistant.analytics.summary;

import java.time.LocalDate;

/** KB entries published on a day under a topic: new entries and new versions of existing ones. */
public record KbGrowth(LocalDate day, String topic, long created, long updated) {
}
