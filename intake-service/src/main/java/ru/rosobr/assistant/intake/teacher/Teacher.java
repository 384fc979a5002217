package ru.rosobr.assistant.intake.teacher;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;

/**
 * A teacher as known on one channel.
 *
 * @param id                intake's own stable id: the {@code teacherId} of every event
 * @param channel           where the teacher writes
 * @param platformUserId    the messenger's id of the same person
 * @param region            two-digit region code; null until known
 * @param verified          only verified teachers (in the registry) may ask
 * @param greeted           the messenger greeting was sent
 * @param pendingQuestion   a question that waits for the teacher to choose the region, or null
 * @param pendingExternalId the platform's id of that question's message, or null
 */
public record Teacher(String id, Channel channel, String platformUserId, String fio, String region, OrgType orgType,
                      boolean verified, boolean greeted, String pendingQuestion, String pendingExternalId) {

    public Teacher(String id, Channel channel, String platformUserId, String fio, String region, OrgType orgType,
                   boolean verified) {
        this(id, channel, platformUserId, fio, region, orgType, verified, false, null, null);
    }

    /** Everything a question needs: verified, with ФИО, region and organisation type. */
    public boolean mayAsk() {
        return verified && fio != null && region != null && orgType != null;
    }
}
