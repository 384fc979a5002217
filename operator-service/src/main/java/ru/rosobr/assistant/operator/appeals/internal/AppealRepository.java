package ru.rosobr.assistant.operator.appeals.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.operator.appeals.AppealStatus;
import ru.rosobr.assistant.operator.appeals.MessageKind;
import ru.rosobr.assistant.operator.appeals.TimelineEntry;
import ru.rosobr.assistant.contracts.events.AiJudged.Verdict;

/** SQL of appeals, appeal_messages and ai_judgements. */
public class AppealRepository {

    private final DatabaseClient db;

    public AppealRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<AppealRow> find(UUID id) {
        return db.sql("select * from appeals where id = :id").bind("id", id).map(AppealRow::of).one();
    }

    /** The row, locked until the transaction ends: console actions on one appeal happen one after another. */
    public Mono<AppealRow> lock(UUID id) {
        return db.sql("select * from appeals where id = :id for update").bind("id", id).map(AppealRow::of).one();
    }

    /**
     * @param ownRegion the only region the viewer may see, or null for every region
     * @param region    the region asked for, or null
     */
    public Flux<AppealRow> list(String ownRegion, String region, AppealStatus status, Boolean overdue, int limit,
                                int offset) {
        StringBuilder sql = new StringBuilder("select * from appeals where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (ownRegion != null) {
            sql.append(" and region = :ownRegion");
            params.put("ownRegion", ownRegion);
        }
        if (region != null) {
            sql.append(" and region = :region");
            params.put("region", region);
        }
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (overdue != null) {
            sql.append(" and overdue = :overdue");
            params.put("overdue", overdue);
        }
        sql.append(" order by created_at desc, id limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return db.sql(sql.toString()).bindValues(params).map(AppealRow::of).all();
    }

    public Flux<TimelineEntry> timeline(UUID appealId) {
        return db.sql("select id, kind, author, text, at from appeal_messages where appeal_id = :id order by seq")
                .bind("id", appealId)
                .map((r, m) -> new TimelineEntry(r.get("id", UUID.class), MessageKind.valueOf(r.get("kind", String.class)),
                        r.get("author", String.class), r.get("text", String.class), r.get("at", Instant.class)))
                .all();
    }

    public Mono<Void> insert(AppealAssigned e, AppealStatus status) {
        return db.sql("""
                        insert into appeals (id, region, teacher_id, teacher_fio, org_type, text, received_at, ai_topic,
                                             ai_answer, ai_score, target, assigned_operator, assignment_reason,
                                             assigned_at, status, created_at)
                        values (:id, :region, :teacherId, :fio, :orgType, :text, :receivedAt, :aiTopic, :aiAnswer,
                                :aiScore, :target, :operator, :reason, :assignedAt, :status,
                                coalesce(:receivedAt, now()))""")
                .bind("id", e.appealId())
                .bind("region", e.region())
                .bind("teacherId", Parameter.fromOrEmpty(e.teacherId(), String.class))
                .bind("fio", Parameter.fromOrEmpty(e.teacherFio(), String.class))
                .bind("orgType", Parameter.fromOrEmpty(e.orgType() == null ? null : e.orgType().name(), String.class))
                .bind("text", Parameter.fromOrEmpty(e.text(), String.class))
                .bind("receivedAt", Parameter.fromOrEmpty(e.receivedAt(), Instant.class))
                .bind("aiTopic", Parameter.fromOrEmpty(e.aiTopic(), String.class))
                .bind("aiAnswer", Parameter.fromOrEmpty(e.aiAnswer(), String.class))
                .bind("aiScore", e.aiScore())
                .bind("target", e.target().name())
                .bind("operator", Parameter.fromOrEmpty(e.operatorId(), String.class))
                .bind("reason", Parameter.fromOrEmpty(e.reason(), String.class))
                .bind("assignedAt", e.occurredAt())
                .bind("status", status.name())
                .then();
    }

    /** A later assignment: the new holder, the status it implies, and any snapshot fields still missing. */
    public Mono<Void> reassign(AppealAssigned e, AppealStatus status) {
        return db.sql("""
                        update appeals set target = :target, assigned_operator = :operator,
                            assignment_reason = :reason, assigned_at = :assignedAt, status = :status,
                            teacher_id = coalesce(teacher_id, :teacherId), teacher_fio = coalesce(teacher_fio, :fio),
                            org_type = coalesce(org_type, :orgType), text = coalesce(text, :text),
                            received_at = coalesce(received_at, :receivedAt),
                            ai_topic = coalesce(:aiTopic, ai_topic),
                            ai_score = coalesce(:newScore, ai_score),
                            ai_answer = coalesce(:aiAnswer, ai_answer),
                            version = version + 1, updated_at = now()
                        where id = :id""")
                .bind("id", e.appealId())
                .bind("teacherId", Parameter.fromOrEmpty(e.teacherId(), String.class))
                .bind("fio", Parameter.fromOrEmpty(e.teacherFio(), String.class))
                .bind("orgType", Parameter.fromOrEmpty(e.orgType() == null ? null : e.orgType().name(), String.class))
                .bind("text", Parameter.fromOrEmpty(e.text(), String.class))
                .bind("receivedAt", Parameter.fromOrEmpty(e.receivedAt(), Instant.class))
                .bind("aiTopic", Parameter.fromOrEmpty(e.aiTopic(), String.class))
                .bind("aiAnswer", Parameter.fromOrEmpty(e.aiAnswer(), String.class))
                // the score belongs to the answer: only a new answer brings a new score
                .bind("newScore", Parameter.fromOrEmpty(e.aiAnswer() == null ? null : e.aiScore(), Double.class))
                .bind("target", e.target().name())
                .bind("operator", Parameter.fromOrEmpty(e.operatorId(), String.class))
                .bind("reason", Parameter.fromOrEmpty(e.reason(), String.class))
                .bind("assignedAt", e.occurredAt())
                .bind("status", status.name())
                .then();
    }

    public Mono<Void> addMessage(UUID id, UUID appealId, MessageKind kind, String author, String text, Instant at) {
        return db.sql("insert into appeal_messages (id, appeal_id, kind, author, text, at) "
                        + "values (:id, :appeal, :kind, :author, :text, :at)")
                .bind("id", id)
                .bind("appeal", appealId)
                .bind("kind", kind.name())
                .bind("author", Parameter.fromOrEmpty(author, String.class))
                .bind("text", text)
                .bind("at", at)
                .then();
    }

    /** Sets the status (null keeps it) and bumps the version; emits the new version. */
    public Mono<Long> touch(UUID id, AppealStatus status) {
        return db.sql("update appeals set status = coalesce(:status, status), version = version + 1, "
                        + "updated_at = now() where id = :id returning version")
                .bind("id", id)
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .map((r, m) -> r.get("version", Long.class))
                .one();
    }

    /** Flags an appeal still waiting for an answer as overdue; emits whether it changed. */
    public Mono<Boolean> markOverdue(UUID id, Instant deadline) {
        return db.sql("""
                        update appeals set overdue = true, overdue_deadline = :deadline, version = version + 1,
                            updated_at = now()
                        where id = :id and not overdue and status in ('NEW', 'IN_PROGRESS', 'FEDERAL')""")
                .bind("id", id)
                .bind("deadline", Parameter.fromOrEmpty(deadline, Instant.class))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Void> addJudgement(UUID id, UUID appealId, String operator, Verdict verdict, String comment,
                                   Instant at) {
        return db.sql("insert into ai_judgements (id, appeal_id, operator, verdict, comment, at) "
                        + "values (:id, :appeal, :operator, :verdict, :comment, :at)")
                .bind("id", id)
                .bind("appeal", appealId)
                .bind("operator", operator)
                .bind("verdict", verdict.name())
                .bind("comment", Parameter.fromOrEmpty(comment, String.class))
                .bind("at", at)
                .then();
    }
}
