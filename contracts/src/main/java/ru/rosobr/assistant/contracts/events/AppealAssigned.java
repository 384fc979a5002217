package ru.rosobr.assistant.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.rosobr.assistant.contracts.AppealEvent;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.TeacherAddressed;

/**
 * Routing decided who handles the appeal: an operator, the region's queue, or the federal queue.
 * Carries the appeal snapshot so operator-service can open the card from this event alone.
 * Written by routing-service.
 */
public record AppealAssigned(UUID eventId, Instant occurredAt, int schemaVersion, UUID appealId, String region,
                             Target target, String operatorId, String reason, String teacherId,
                             String teacherFio, OrgType orgType, String text, Instant receivedAt,
                             String aiTopic, String aiAnswer, double aiScore) implements AppealEvent, TeacherAddressed {
    public static final int VERSION = 1;

    /** Who holds the appeal after this decision. */
    public enum Target { OPERATOR, REGION_QUEUE, FEDERAL_QUEUE }

    public AppealAssigned {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(appealId);
        Objects.requireNonNull(target);
        if (target == Target.OPERATOR && operatorId == null) {
            throw new IllegalArgumentException("an OPERATOR assignment names the operator");
        }
    }

    public static AppealAssigned of(UUID appealId, String region, Target target, String operatorId, String reason,
                                    String teacherId, String teacherFio, OrgType orgType, String text,
                                    Instant receivedAt, String aiTopic, String aiAnswer, double aiScore) {
        return new AppealAssigned(UUID.randomUUID(), Instant.now(), VERSION, appealId, region, target, operatorId,
                reason, teacherId, teacherFio, orgType, text, receivedAt, aiTopic, aiAnswer, aiScore);
    }
}
