package ru.rosobr.assistant.intake.teacher;

import java.time.Instant;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;

/**
 * A teacher as the console's registry page shows it.
 *
 * @param disabledAt when an administrator disabled the teacher, or null
 * @param disabledBy who did, or null
 */
public record TeacherEntry(String teacherId, Channel channel, String platformUserId, String fio, String region,
                           OrgType orgType, boolean verified, Instant disabledAt, String disabledBy,
                           Instant updatedAt) {

    public boolean disabled() {
        return disabledAt != null;
    }
}
