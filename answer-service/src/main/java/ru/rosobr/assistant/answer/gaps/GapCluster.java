package ru.rosobr.assistant.answer.gaps;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A group of similar routed questions — a subject the knowledge base does not cover.
 *
 * @param key          the group's heaviest lemmas joined by «+» (names it for the console; not stable across reports)
 * @param terms        its heaviest lemmas, heaviest first
 * @param size         questions of the group in the period
 * @param previousSize questions of the group in the period of the same length just before
 * @param trend        NEW (none before), UP, DOWN or SAME
 * @param regions      the regions of the period's questions, most questions first
 * @param samples      up to five of the period's questions, the most typical first (distinct texts)
 * @param firstDay     the day of the group's first question in the period (Moscow time)
 * @param lastDay      the day of its last one
 */
public record GapCluster(String key, List<String> terms, int size, int previousSize, Trend trend,
                         List<RegionCount> regions, List<String> samples, LocalDate firstDay, LocalDate lastDay) {

    public enum Trend { NEW, UP, DOWN, SAME }

    public record RegionCount(String region, @Nullable String regionName, int count) {
    }
}
