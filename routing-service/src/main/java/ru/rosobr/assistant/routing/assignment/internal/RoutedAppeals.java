package ru.rosobr.assistant.routing.assignment.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.routing.assignment.RoutingDecision;
import ru.rosobr.assistant.routing.assignment.Trigger;

/** Rows of routed_appeals (snapshot + current holder) and of assignments (the decision log). */
class RoutedAppeals {

    /** Who holds an appeal now and whether it still waits for a reply. */
    record Holder(Target target, String operator, boolean open) {
    }

    private final DatabaseClient db;

    RoutedAppeals(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> alreadyAssigned(UUID appealId, Trigger trigger) {
        return db.sql("select 1 from assignments where appeal_id = :id and trigger = :trigger")
                .bind("id", appealId).bind("trigger", trigger.name())
                .fetch().first().hasElement();
    }

    /** Records the decision; false when this appeal already has one for the trigger (a concurrent duplicate). */
    Mono<Boolean> recordDecision(UUID appealId, Trigger trigger, UUID triggerEventId, String region,
                                 RoutingDecision decision) {
        return db.sql("""
                        insert into assignments (appeal_id, trigger, trigger_event_id, region, target, operator, reason)
                        values (:id, :trigger, :event, :region, :target, :operator, :reason)
                        on conflict (appeal_id, trigger) where trigger in ('UNMATCHED', 'HUMAN_REQUESTED', 'ESCALATED')
                        do nothing""")
                .bind("id", appealId)
                .bind("trigger", trigger.name())
                .bind("event", triggerEventId)
                .bind("region", region)
                .bind("target", decision.target().name())
                .bind("operator", Parameter.fromOrEmpty(decision.operatorId(), String.class))
                .bind("reason", decision.reason(trigger))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** A decision of a trigger that may repeat (shift start / end, manual reassignment): always recorded. */
    Mono<Void> recordRepeatable(UUID appealId, Trigger trigger, UUID triggerEventId, String region,
                                RoutingDecision decision) {
        return db.sql("""
                        insert into assignments (appeal_id, trigger, trigger_event_id, region, target, operator, reason)
                        values (:id, :trigger, :event, :region, :target, :operator, :reason)""")
                .bind("id", appealId)
                .bind("trigger", trigger.name())
                .bind("event", triggerEventId)
                .bind("region", region)
                .bind("target", decision.target().name())
                .bind("operator", Parameter.fromOrEmpty(decision.operatorId(), String.class))
                .bind("reason", decision.reason(trigger))
                .then();
    }

    /** The region's queue, oldest first, locked until the transaction ends (one operator takes each appeal). */
    Mono<List<UUID>> lockQueue(String region) {
        return db.sql("""
                        select appeal_id from routed_appeals
                        where region = :region and open and holder_target = 'REGION_QUEUE'
                        order by received_at nulls last, updated_at
                        for update""")
                .bind("region", region)
                .map((r, m) -> r.get("appeal_id", UUID.class))
                .all().collectList();
    }

    /** The operator's open appeals, oldest first, locked until the transaction ends. */
    Mono<List<UUID>> lockHeldBy(String operator) {
        return db.sql("""
                        select appeal_id from routed_appeals
                        where holder_operator = :operator and open and holder_target = 'OPERATOR'
                        order by received_at nulls last, updated_at
                        for update""")
                .bind("operator", operator)
                .map((r, m) -> r.get("appeal_id", UUID.class))
                .all().collectList();
    }

    /** A new holder for a known appeal; whether it still waits for a reply stays as it is. */
    Mono<Void> transfer(UUID appealId, RoutingDecision decision) {
        return db.sql("update routed_appeals set holder_target = :target, holder_operator = :operator, "
                        + "updated_at = now() where appeal_id = :id")
                .bind("id", appealId)
                .bind("target", decision.target().name())
                .bind("operator", Parameter.fromOrEmpty(decision.operatorId(), String.class))
                .then();
    }

    Mono<Snapshot> snapshot(UUID appealId) {
        return db.sql("select * from routed_appeals where appeal_id = :id").bind("id", appealId)
                .map(RoutedAppeals::snapshotOf).one();
    }

    Mono<Holder> holder(UUID appealId) {
        return db.sql("select holder_target, holder_operator, open from routed_appeals where appeal_id = :id")
                .bind("id", appealId)
                .map((r, m) -> new Holder(Target.valueOf(r.get("holder_target", String.class)),
                        r.get("holder_operator", String.class), Boolean.TRUE.equals(r.get("open", Boolean.class))))
                .one();
    }

    /** Stores the latest snapshot and the new holder; the appeal is open again (it waits for a reply). */
    Mono<Void> hold(Snapshot s, RoutingDecision decision) {
        return db.sql("""
                        insert into routed_appeals (appeal_id, region, teacher_id, teacher_fio, org_type, text,
                                                    received_at, ai_topic, ai_answer, ai_score, holder_target,
                                                    holder_operator, open, updated_at)
                        values (:id, :region, :teacherId, :fio, :orgType, :text, :receivedAt, :aiTopic, :aiAnswer,
                                :aiScore, :target, :operator, true, now())
                        on conflict (appeal_id) do update set
                            region = excluded.region,
                            teacher_id = coalesce(excluded.teacher_id, routed_appeals.teacher_id),
                            teacher_fio = coalesce(excluded.teacher_fio, routed_appeals.teacher_fio),
                            org_type = coalesce(excluded.org_type, routed_appeals.org_type),
                            text = coalesce(excluded.text, routed_appeals.text),
                            received_at = coalesce(excluded.received_at, routed_appeals.received_at),
                            ai_topic = coalesce(excluded.ai_topic, routed_appeals.ai_topic),
                            ai_answer = coalesce(excluded.ai_answer, routed_appeals.ai_answer),
                            ai_score = case when excluded.ai_answer is null then routed_appeals.ai_score
                                            else excluded.ai_score end,
                            holder_target = excluded.holder_target,
                            holder_operator = excluded.holder_operator,
                            open = true,
                            updated_at = now()""")
                .bind("id", s.appealId())
                .bind("region", s.region())
                .bind("teacherId", Parameter.fromOrEmpty(s.teacherId(), String.class))
                .bind("fio", Parameter.fromOrEmpty(s.teacherFio(), String.class))
                .bind("orgType", Parameter.fromOrEmpty(s.orgType() == null ? null : s.orgType().name(), String.class))
                .bind("text", Parameter.fromOrEmpty(s.text(), String.class))
                .bind("receivedAt", Parameter.fromOrEmpty(s.receivedAt(), Instant.class))
                .bind("aiTopic", Parameter.fromOrEmpty(s.aiTopic(), String.class))
                .bind("aiAnswer", Parameter.fromOrEmpty(s.aiAnswer(), String.class))
                .bind("aiScore", s.aiScore())
                .bind("target", decision.target().name())
                .bind("operator", Parameter.fromOrEmpty(decision.operatorId(), String.class))
                .then();
    }

    /** Marks the appeal answered; emits its holder as it was when the appeal was still open. */
    Mono<Holder> close(UUID appealId) {
        return db.sql("""
                        update routed_appeals set open = false, updated_at = now()
                        where appeal_id = :id and open
                        returning holder_target, holder_operator""")
                .bind("id", appealId)
                .map((r, m) -> new Holder(Target.valueOf(r.get("holder_target", String.class)),
                        r.get("holder_operator", String.class), true))
                .one();
    }

    private static Snapshot snapshotOf(Readable r) {
        String orgType = r.get("org_type", String.class);
        Double score = r.get("ai_score", Double.class);
        return new Snapshot(r.get("appeal_id", UUID.class), r.get("region", String.class),
                r.get("teacher_id", String.class), r.get("teacher_fio", String.class),
                orgType == null ? null : OrgType.valueOf(orgType), r.get("text", String.class),
                r.get("received_at", Instant.class), r.get("ai_topic", String.class),
                r.get("ai_answer", String.class), score == null ? 0 : score);
    }
}
