package ru.rosobr.assistant.followup.campaigns;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who a campaign goes to: verified teachers with a known region, by regions, organisation types and channels
 * (an empty list means all), or only the teachers of an uploaded list (still narrowed by the other filters).
 */
public record Audience(List<String> regions, List<String> orgTypes, List<String> channels,
                       @Nullable List<String> teacherIds) {
    public Audience {
        regions = regions == null ? List.of() : List.copyOf(regions);
        orgTypes = orgTypes == null ? List.of() : List.copyOf(orgTypes);
        channels = channels == null ? List.of() : List.copyOf(channels);
        teacherIds = teacherIds == null || teacherIds.isEmpty() ? null : List.copyOf(teacherIds);
    }

    public Audience withRegions(List<String> r) {
        return new Audience(r, orgTypes, channels, teacherIds);
    }
}
