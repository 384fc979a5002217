package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/**
 * A teacher of the registry as it is now (added, updated, region chosen in the dialogue): what campaigns need to
 * pick an audience — no name, no platform id. {@code verified} false takes the teacher out of every audience.
 * Written by intake-service; followup-service keeps the latest state per teacher.
 */
public record TeacherChanged(UUID eventId, Instant occurredAt, int schemaVersion, String teacherId, Channel channel,
                             String region, OrgType orgType, boolean verified) implements TeacherAddressed {
    public static final int VERSION = 1;

    public TeacherChanged {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(teacherId);
        Objects.requireNonNull(channel);
    }

    public static TeacherChanged of(Instant at, String teacherId, Channel channel, String region, OrgType orgType,
                                    boolean verified) {
        return new TeacherChanged(UUID.randomUUID(), at, VERSION, teacherId, channel, region, orgType, verified);
    }

    /**
     * Of a run of events, the one per teacher that a projection keeping the latest state ends with when it applies
     * them in order: the latest {@code occurredAt}, and of equal times the later in the run. Lets a projection write
     * a whole run in one upsert (which may touch each row once).
     */
    public static List<TeacherChanged> latestPerTeacher(Collection<TeacherChanged> events) {
        Map<String, TeacherChanged> latest = new LinkedHashMap<>();
        for (TeacherChanged e : events) {
            latest.merge(e.teacherId(), e, (kept, next) -> next.occurredAt().isBefore(kept.occurredAt()) ? kept : next);
        }
        return List.copyOf(latest.values());
    }
}
