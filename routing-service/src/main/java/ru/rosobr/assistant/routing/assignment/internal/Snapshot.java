package ru.rosobr.assistant.routing.assignment.internal;

import java.time.Instant;
import java.util.UUID;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.events.AnswerUnmatched;
import ru.rosobr.assistant.contracts.events.HumanRequested;

/** What operator-service needs to open the card, as routing passes it on in {@code appeal.assigned}. */
record Snapshot(UUID appealId, String region, String teacherId, String teacherFio, OrgType orgType, String text,
                Instant receivedAt, String aiTopic, String aiAnswer, double aiScore) {

    static Snapshot of(AnswerUnmatched e) {
        return new Snapshot(e.appealId(), e.region(), e.teacherId(), e.teacherFio(), e.orgType(), e.text(),
                e.receivedAt(), e.candidateTopic(), e.candidateAnswer(), e.score());
    }

    /** The AI answer that did not help is the candidate the operator sees (and may judge). */
    static Snapshot of(HumanRequested e) {
        return new Snapshot(e.appealId(), e.region(), e.teacherId(), e.teacherFio(), e.orgType(), e.text(),
                e.receivedAt(), null, e.aiAnswer(), 0);
    }

    /** Only what an escalation event says: used when routing never saw the appeal before. */
    static Snapshot bare(UUID appealId, String region) {
        return new Snapshot(appealId, region, null, null, null, null, null, null, null, 0);
    }
}
