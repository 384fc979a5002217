package ru.rosobr.assistant.followup.timers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;

import ru.rosobr.assistant.contracts.events.AppealSla;
import ru.rosobr.assistant.contracts.events.AppealSla.Stage;
import ru.rosobr.assistant.followup.calendar.AnswerDeadline;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * The deadline as the SLA timers keep it (in their JSON payload) and as {@code appeal.sla} carries it: a timer
 * that fires days later repeats the deadline computed at the assignment instead of computing it again.
 */
public final class SlaPayload {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private SlaPayload() {
    }

    public static Map<String, Object> of(AnswerDeadline.Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deadlineDay", plan.deadlineDay().toString());
        m.put("deadline", plan.deadline().toString());
        m.put("warningAt", plan.warningAt().toString());
        m.put("escalateAt", plan.escalateAt().toString());
        return m;
    }

    /** The plan stored with the timer; null when the payload predates it (no deadline day). */
    public static AnswerDeadline.Plan plan(Timer t) {
        Map<String, Object> m = t.payload() == null ? Map.of() : EventCodec.mapper().readValue(t.payload(), MAP);
        Object day = m.get("deadlineDay");
        if (day == null) {
            return null;
        }
        return new AnswerDeadline.Plan(t.region(), Regions.zoneOf(t.region()), LocalDate.parse(day.toString()),
                instant(m.get("deadline")), instant(m.get("warningAt")), instant(m.get("escalateAt")));
    }

    public static AppealSla event(Instant now, UUID appealId, String region, Stage stage, String teacherId,
                                  AnswerDeadline.Plan plan, String reason) {
        return new AppealSla(UUID.randomUUID(), now, AppealSla.VERSION, appealId, region, stage, teacherId,
                plan == null ? null : plan.deadlineDay(), plan == null ? null : plan.deadline(),
                plan == null ? null : plan.warningAt(), plan == null ? null : plan.escalateAt(), reason);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
