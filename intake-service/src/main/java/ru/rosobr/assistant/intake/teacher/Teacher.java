package ru.rosobr.assistant.intake.teacher;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;

/**
 * A teacher as known on one channel.
 *
 * @param id             intake's own stable id: the {@code teacherId} of every event
 * @param channel        where the teacher writes
 * @param platformUserId the messenger's id of the same person
 * @param region         two-digit region code; null until known
 * @param verified       only verified teachers may ask
 */
public record Teacher(String id, Channel channel, String platformUserId, String fio, String region, OrgType orgType,
                      boolean verified) {
}
