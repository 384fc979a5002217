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
 * @param disabled          an administrator disabled the teacher: no questions, no campaigns, whatever the registry
 */
public record Teacher(String id, Channel channel, String platformUserId, String fio, String region, OrgType orgType,
                      boolean verified, boolean greeted, String pendingQuestion, String pendingExternalId,
                      boolean disabled) {

    public Teacher(String id, Channel channel, String platformUserId, String fio, String region, OrgType orgType,
                   boolean verified) {
        this(id, channel, platformUserId, fio, region, orgType, verified, false, null, null, false);
    }

    /** Verified and not disabled: may ask and belongs to campaign audiences (teacher.changed's «verified»). */
    public boolean admitted() {
        return verified && !disabled;
    }

    /** Everything a question needs: admitted, with ФИО, region and organisation type. */
    public boolean mayAsk() {
        return admitted() && fio != null && region != null && orgType != null;
    }
}
