package ru.rosobr.assistant.operator.appeals.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AiJudged.Verdict;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.operator.appeals.AppealCounters;
import ru.rosobr.assistant.operator.appeals.AppealFilter;
import ru.rosobr.assistant.operator.appeals.AppealStatus;
import ru.rosobr.assistant.operator.appeals.JudgementView;
import ru.rosobr.assistant.operator.appeals.MessageKind;
import ru.rosobr.assistant.operator.appeals.TimelineEntry;

/** SQL of appeals, appeal_messages, ai_judgements and appeal_reads. */
public class AppealRepository {

    /** unread = the viewer has not seen the row's current version */
    private static final String SELECT_FOR_VIEWER = "select a.*, (r.seen_version is null or r.seen_version < a.version)"
            + " as unread from appeals a left join appeal_reads r on r.appeal_id = a.id and r.username = :viewer";

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
     * One page of the list, with the viewer's unread marks.
     *
     * @param ownRegion the only region the viewer may see, or null for every region
     */
    public Flux<AppealRow> page(String viewer, String ownRegion, AppealFilter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(SELECT_FOR_VIEWER);
        where(sql, params, ownRegion, f);
        sql.append(" order by ").append(f.sort().sql()).append(" limit :limit offset :offset");
        params.put("viewer", viewer);
        params.put("limit", f.size());
        params.put("offset", f.offset());
        return db.sql(sql.toString()).bindValues(params).map(AppealRow::withUnread).all();
    }

    public Mono<Long> count(String ownRegion, AppealFilter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select count(*) as n from appeals a");
        where(sql, params, ownRegion, f);
        return db.sql(sql.toString()).bindValues(params).map((r, m) -> r.get("n", Long.class)).one();
    }

    public Mono<AppealCounters> counters(String viewer, String ownRegion, String region) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select count(*) filter (where a.status = 'NEW') as new_count,
                       count(*) filter (where a.status = 'IN_PROGRESS') as in_progress,
                       count(*) filter (where a.status = 'ANSWERED') as answered,
                       count(*) filter (where a.status = 'CLOSED') as closed,
                       count(*) filter (where a.status = 'FEDERAL') as federal,
                       count(*) filter (where a.overdue and a.status not in ('ANSWERED', 'CLOSED')) as overdue,
                       count(*) filter (where r.seen_version is null or r.seen_version < a.version) as unread
                from appeals a left join appeal_reads r on r.appeal_id = a.id and r.username = :viewer""");
        params.put("viewer", viewer);
        where(sql, params, ownRegion, new AppealFilter(java.util.Set.of(), null, null, null, null, null, region,
                null, AppealFilter.Sort.CREATED_DESC, 0, 1));
        return db.sql(sql.toString()).bindValues(params)
                .map((r, m) -> new AppealCounters(n(r.get("new_count", Long.class)),
                        n(r.get("in_progress", Long.class)), n(r.get("answered", Long.class)),
                        n(r.get("closed", Long.class)), n(r.get("federal", Long.class)),
                        n(r.get("overdue", Long.class)), n(r.get("unread", Long.class))))
                .one();
    }

    private static long n(Long value) {
        return value == null ? 0 : value;
    }

    private static void where(StringBuilder sql, Map<String, Object> params, String ownRegion, AppealFilter f) {
        sql.append(" where true");
        if (ownRegion != null) {
            sql.append(" and a.region = :ownRegion");
            params.put("ownRegion", ownRegion);
        }
        if (f.region() != null) {
            sql.append(" and a.region = :region");
            params.put("region", f.region());
        }
        if (!f.statuses().isEmpty()) {
            sql.append(" and a.status = any(:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.overdue() != null) {
            // «просрочено» as the kanban shows it: overdue and still waiting for an answer
            sql.append(f.overdue() ? " and a.overdue and a.status not in ('ANSWERED', 'CLOSED')"
                    : " and not (a.overdue and a.status not in ('ANSWERED', 'CLOSED'))");
        }
        if (f.from() != null) {
            sql.append(" and a.created_at >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and a.created_at < :to");
            params.put("to", f.to());
        }
        if (f.rating() != null) {
            sql.append(" and a.rating = :rating");
            params.put("rating", f.rating());
        }
        if (f.operator() != null) {
            sql.append(" and a.assigned_operator = :operator");
            params.put("operator", f.operator());
        }
        if (f.q() != null) {
            sql.append(" and (a.text ilike :q or a.teacher_fio ilike :q)");
            params.put("q", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    public Flux<TimelineEntry> timeline(UUID appealId) {
        return db.sql("select id, kind, author, text, at from appeal_messages where appeal_id = :id order by seq")
                .bind("id", appealId)
                .map((r, m) -> new TimelineEntry(r.get("id", UUID.class), MessageKind.valueOf(r.get("kind", String.class)),
                        r.get("author", String.class), r.get("text", String.class), r.get("at", Instant.class)))
                .all();
    }

    /** The latest verdict on the AI answer, if any. */
    public Mono<JudgementView> latestJudgement(UUID appealId, long appealVersion) {
        return db.sql("select id, operator, verdict, comment, at from ai_judgements where appeal_id = :id "
                        + "order by at desc, id limit 1")
                .bind("id", appealId)
                .map((r, m) -> new JudgementView(r.get("id", UUID.class), appealId, r.get("operator", String.class),
                        Verdict.valueOf(r.get("verdict", String.class)), r.get("comment", String.class),
                        r.get("at", Instant.class), appealVersion))
                .one();
    }

    public Mono<Void> insert(AppealAssigned e, AppealStatus status, Instant deadline) {
        return db.sql("""
                        insert into appeals (id, region, teacher_id, teacher_fio, org_type, text, received_at, ai_topic,
                                             ai_answer, ai_score, target, assigned_operator, assignment_reason,
                                             assigned_at, status, created_at, deadline, federal)
                        values (:id, :region, :teacherId, :fio, :orgType, :text, :receivedAt, :aiTopic, :aiAnswer,
                                :aiScore, :target, :operator, :reason, :assignedAt, :status,
                                coalesce(:receivedAt, now()), :deadline, :federal)""")
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
                .bind("deadline", Parameter.fromOrEmpty(deadline, Instant.class))
                .bind("federal", status == AppealStatus.FEDERAL)
                .then();
    }

    /**
     * A later assignment: the new holder, the status it implies, and any snapshot fields still missing. A federal
     * specialist who already took the appeal under control keeps holding it when routing's federal-queue decision
     * arrives after that.
     */
    public Mono<Void> reassign(AppealAssigned e, AppealStatus status) {
        return db.sql("""
                        update appeals set target = :target,
                            assigned_operator = case when :target = 'FEDERAL_QUEUE' and controlled_by is not null
                                                     then controlled_by else :operator end,
                            assignment_reason = :reason, assigned_at = :assignedAt, status = :status,
                            federal = federal or :federal,
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
                .bind("federal", status == AppealStatus.FEDERAL)
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
                        + "federal = federal or coalesce(:status, status) = 'FEDERAL', updated_at = now() "
                        + "where id = :id returning version")
                .bind("id", id)
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .map((r, m) -> r.get("version", Long.class))
                .one();
    }

    /** A manual reassignment in the console: the operator holds the appeal now. */
    public Mono<Long> setHolder(UUID id, String operator, String reason) {
        return db.sql("update appeals set target = 'OPERATOR', assigned_operator = :operator, "
                        + "assignment_reason = :reason, assigned_at = now(), version = version + 1, updated_at = now() "
                        + "where id = :id returning version")
                .bind("id", id).bind("operator", operator).bind("reason", reason)
                .map((r, m) -> r.get("version", Long.class))
                .one();
    }

    /** A federal specialist takes the appeal under control: they hold it now. */
    public Mono<Long> takeControl(UUID id, String username) {
        return db.sql("update appeals set controlled_by = :u, assigned_operator = :u, version = version + 1, "
                        + "updated_at = now() where id = :id returning version")
                .bind("id", id).bind("u", username)
                .map((r, m) -> r.get("version", Long.class))
                .one();
    }

    /** The teacher's rating; emits the new version, or nothing for an appeal the console does not have. */
    public Mono<Long> rate(UUID id, int rating) {
        return db.sql("update appeals set rating = :rating, version = version + 1, updated_at = now() "
                        + "where id = :id returning version")
                .bind("id", id).bind("rating", rating)
                .map((r, m) -> r.get("version", Long.class))
                .one();
    }

    /** Flags an appeal still waiting for an answer as overdue; emits whether it changed. */
    public Mono<Boolean> markOverdue(UUID id, Instant deadline) {
        return db.sql("""
                        update appeals set overdue = true, overdue_deadline = :deadline,
                            deadline = coalesce(deadline, :deadline), version = version + 1, updated_at = now()
                        where id = :id and not overdue and status in ('NEW', 'IN_PROGRESS', 'FEDERAL')""")
                .bind("id", id)
                .bind("deadline", Parameter.fromOrEmpty(deadline, Instant.class))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The user has seen the appeal as of {@code version} (never goes back to an older one). */
    public Mono<Void> markRead(UUID id, String username, long version) {
        return db.sql("""
                        insert into appeal_reads (appeal_id, username, seen_version) values (:id, :u, :v)
                        on conflict (appeal_id, username) do update
                        set seen_version = greatest(appeal_reads.seen_version, excluded.seen_version), seen_at = now()""")
                .bind("id", id).bind("u", username).bind("v", version)
                .then();
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
