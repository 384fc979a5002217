package ru.rosobr.assistant.intake.teacher;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;

/**
 * A search of the registry; a null filter matches everything.
 *
 * @param text part of the ФИО, or the platform's user id exactly
 */
public record TeacherQuery(String text, String region, OrgType orgType, Channel channel, Boolean verified,
                           Boolean disabled, int limit, int offset) {
}
