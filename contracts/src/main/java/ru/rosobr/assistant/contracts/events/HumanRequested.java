package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/** The teacher pressed «Не помогло — передать специалисту» after an AI answer. Written by intake-service. */
public record HumanRequested(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                             String teacherId, String teacherFio, OrgType orgType, String text,
                             Instant receivedAt, String aiAnswer) implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    public HumanRequested {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
    }

    public static HumanRequested of(UUID appealId, String region, String teacherId, String teacherFio,
                                    OrgType orgType, String text, Instant receivedAt, String aiAnswer) {
        return new HumanRequested(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, teacherId, teacherFio,
                orgType, text, receivedAt, aiAnswer);
    }
}
