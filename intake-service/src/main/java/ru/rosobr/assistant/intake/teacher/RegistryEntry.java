package ru.rosobr.assistant.intake.teacher;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;

/**
 * One verified teacher of the registry import.
 *
 * @param region two-digit code, or null when the registry does not know it (the bot then asks the teacher)
 */
public record RegistryEntry(Channel channel, String platformUserId, String fio,
                            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String region,
                            OrgType orgType) {
}
