package ru.rosobr.assistant.operator.appeals.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import ru.rosobr.assistant.operator.appeals.KanbanColumn;
import ru.rosobr.assistant.operator.appeals.KanbanCursor;
import ru.rosobr.assistant.operator.appeals.MessageKind;
import ru.rosobr.assistant.operator.appeals.TimelineEntry;

/** SQL of appeals, appeal_messages, ai_judgements and appeal_reads. */
public class AppealRepository {

    /** The row's columns (not the generated search text, which only the index needs). */
    private static final String COLUMNS = "a.id, a.region, a.teacher_id, a.teacher_fio, a.org_type, a.text, "
            + "a.received_at, a.ai_topic, a.ai_answer, a.ai_score, a.target, a.assigned_operator, a.assignment_reason, "
            + "a.assigned_at, a.status, a.overdue, a.overdue_deadline, a.created_at, a.updated_at, a.deadline, a.rating, "
            + "a.federal, a.controlled_by, a.version, a.deadline_day, a.deadline_warning, a.escalation_reason";

    /** The list's and the kanban's columns: the AI's answer only the card shows (it can be long) is left out. */
    private static final String LIST_COLUMNS = COLUMNS.replace("a.ai_answer", "null::text as ai_answer");

    /** unread = the viewer has not seen the row's current version */
    private static final String UNREAD = "(r.seen_version is null or r.seen_version < a.version) as unread";

    /** A kanban column's order: nearest deadline first, none last; the id makes it total (the keyset). */
    private static final String KANBAN_ORDER = "coalesce(a.deadline, 'infinity'::timestamptz), a.id";

    private final DatabaseClient db;

    public AppealRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<AppealRow> find(UUID id) {
        return db.sql("select " + COLUMNS + " from appeals a where a.id = :id").bind("id", id).map(AppealRow::of).one();
    }

    /** The row, locked until the transaction ends: console actions on one appeal happen one after another. */
    public Mono<AppealRow> lock(UUID id) {
        return db.sql("select " + COLUMNS + " from appeals a where a.id = :id for update").bind("id", id)
                .map(AppealRow::of).one();
    }

    /**
     * One page of the list, with the viewer's unread marks. The page's ids are found first, through the sort's
     * index alone, and only those rows are read and joined: a deep page does not fetch and drop the rows before it.
     *
     * @param ownRegion the only region the viewer may see, or null for every region
     */
    public Flux<AppealRow> page(String viewer, String ownRegion, AppealFilter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "select " + LIST_COLUMNS + ", " + UNREAD + " from (select a.id from appeals a where true"
                + conditions(params, ownRegion, f) + " order by " + f.sort().sql() + " limit :limit offset :offset) p"
                + " join appeals a on a.id = p.id"
                + " left join appeal_reads r on r.appeal_id = a.id and r.username = :viewer"
                + " order by " + f.sort().sql();
        params.put("viewer", viewer);
        params.put("limit", f.size());
        params.put("offset", f.offset());
        return db.sql(sql).bindValues(params).map(AppealRow::withUnread).all();
    }

    public Mono<Long> count(String ownRegion, AppealFilter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "select count(*) as n from appeals a where true" + conditions(params, ownRegion, f);
        return db.sql(sql).bindValues(params).map((r, m) -> r.get("n", Long.class)).one();
    }

    /**
     * Appeals per kanban column (every column, zeros included) and unread, under the filters; one index-only scan for
     * federal staff and for a region.
     */
    public Mono<AppealCounters> counters(String viewer, String ownRegion, AppealFilter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = conditions(params, ownRegion, f);
        // unread = all − read at the current version: the viewer's reads are few, so they are joined to the appeals,
        // not every appeal to the reads (a federal viewer's left join over the whole table cost most of the call)
        String sql = "with t as (select a.kanban_column as col, count(*) as n from appeals a where true" + where
                + " group by a.kanban_column), "
                + "s as (select count(*) as seen from appeal_reads r join appeals a on a.id = r.appeal_id"
                + " where r.username = :viewer and r.seen_version >= a.version" + where + ") "
                + "select t.col, t.n, s.seen from t cross join s";
        params.put("viewer", viewer);
        return db.sql(sql).bindValues(params)
                .map((r, m) -> new long[] {KanbanColumn.valueOf(r.get("col", String.class)).ordinal(),
                        n(r.get("n", Long.class)), n(r.get("seen", Long.class))})
                .all().collectList()
                .map(rows -> {
                    long[] perColumn = new long[KanbanColumn.values().length];
                    long all = 0;
                    long seen = 0;
                    for (long[] row : rows) {
                        perColumn[(int) row[0]] = row[1];
                        all += row[1];
                        seen = row[2];
                    }
                    long unread = all - seen;
                    return new AppealCounters(perColumn[KanbanColumn.NEW.ordinal()],
                            perColumn[KanbanColumn.IN_PROGRESS.ordinal()], perColumn[KanbanColumn.ANSWERED.ordinal()],
                            perColumn[KanbanColumn.CLOSED.ordinal()], perColumn[KanbanColumn.FEDERAL.ordinal()],
                            perColumn[KanbanColumn.OVERDUE.ordinal()], unread);
                });
    }

    /** Appeals per kanban column under the filters, without the viewer's unread marks (the kanban's totals). */
    public Mono<Map<KanbanColumn, Long>> columnTotals(String ownRegion, AppealFilter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "select a.kanban_column as col, count(*) as n from appeals a where true"
                + conditions(params, ownRegion, f) + " group by a.kanban_column";
        return db.sql(sql).bindValues(params)
                .map((r, m) -> Map.entry(KanbanColumn.valueOf(r.get("col", String.class)), n(r.get("n", Long.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Each column's total and first {@code limit} cards (nearest deadline first). Without a text search: the totals
     * from one index-only scan and the cards from one short index range per column ({@code lateral}). With one: the
     * matches are found once through the trigram index, counted and the first of each column picked from them in the
     * same pass — walking every column's range testing the pattern on each row is far slower for a rare word, and a
     * prepared statement's generic plan cannot tell a rare word from a common one.
     */
    public Mono<KanbanRows> kanbanFirstPages(String viewer, String ownRegion, AppealFilter f,
                                             List<KanbanColumn> columns, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String cards = f.q() == null
                ? "select p.* from unnest(cast(:columns as text[])) as c(col)"
                + " cross join lateral (select " + LIST_COLUMNS + ", a.kanban_column, 0::bigint as column_total"
                + " from appeals a where a.kanban_column = c.col" + conditions(params, ownRegion, f)
                + " order by " + KANBAN_ORDER + " limit :limit) p"
                : "select w.* from (select " + LIST_COLUMNS + ", a.kanban_column,"
                + " count(*) over (partition by a.kanban_column) as column_total,"
                + " row_number() over (partition by a.kanban_column order by " + KANBAN_ORDER + ") as rn"
                + " from appeals a where a.kanban_column = any(cast(:columns as text[]))"
                + conditions(params, ownRegion, f) + ") w where w.rn <= :limit";
        String sql = "select p.*, (r.seen_version is null or r.seen_version < p.version) as unread"
                + " from (" + cards + ") p left join appeal_reads r on r.appeal_id = p.id and r.username = :viewer";
        params.put("columns", columns.stream().map(Enum::name).toArray(String[]::new));
        params.put("viewer", viewer);
        params.put("limit", limit);
        Mono<List<Map.Entry<Long, KanbanRow>>> rows = db.sql(sql).bindValues(params)
                .map((r, m) -> Map.entry(n(r.get("column_total", Long.class)),
                        new KanbanRow(KanbanColumn.valueOf(r.get("kanban_column", String.class)),
                                AppealRow.withUnread(r))))
                .all().collectList();
        if (f.q() == null) {
            return columnTotals(ownRegion, f).zipWith(rows,
                    (totals, found) -> new KanbanRows(totals, found.stream().map(Map.Entry::getValue).toList()));
        }
        return rows.map(found -> {
            Map<KanbanColumn, Long> totals = new EnumMap<>(KanbanColumn.class);
            found.forEach(e -> totals.put(e.getValue().column(), e.getKey()));
            return new KanbanRows(totals, found.stream().map(Map.Entry::getValue).toList());
        });
    }

    /** The next {@code limit} cards of one column after the cursor (keyset on the column's index; no OFFSET). */
    public Flux<AppealRow> kanbanPage(String viewer, String ownRegion, AppealFilter f, KanbanColumn column,
                                      KanbanCursor after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select " + LIST_COLUMNS + ", " + UNREAD + " from appeals a"
                + " left join appeal_reads r on r.appeal_id = a.id and r.username = :viewer"
                + " where true" + conditions(params, ownRegion, f.inColumn(column)));
        if (after != null) {
            sql.append(" and (" + KANBAN_ORDER + ") > (coalesce(cast(:afterDeadline as timestamptz),"
                    + " 'infinity'::timestamptz), :afterId)");
            params.put("afterDeadline", Parameter.fromOrEmpty(after.deadline(), Instant.class));
            params.put("afterId", after.id());
        }
        sql.append(" order by ").append(KANBAN_ORDER).append(" limit :limit");
        params.put("viewer", viewer);
        params.put("limit", limit);
        return db.sql(sql.toString()).bindValues(params).map(AppealRow::withUnread).all();
    }

    private static long n(Long value) {
        return value == null ? 0 : value;
    }

    /** The filters as {@code and …} conditions on {@code appeals a}, their values put into {@code params}. */
    private static String conditions(Map<String, Object> params, String ownRegion, AppealFilter f) {
        StringBuilder sql = new StringBuilder();
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
        if (!f.columns().isEmpty()) {
            if (f.columns().size() == 1) { // as the kanban index's leading column
                sql.append(" and a.kanban_column = :column");
                params.put("column", f.columns().iterator().next().name());
            } else {
                sql.append(" and a.kanban_column = any(:columns)");
                params.put("columns", f.columns().stream().map(Enum::name).toArray(String[]::new));
            }
        }
        if (f.overdue() != null) {
            // «просрочено»: overdue and still waiting for an answer
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
            // search_text is lower(teacher_fio || chr(1) || text), trigram-indexed
            sql.append(" and a.search_text like lower(:q)");
            params.put("q", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return sql.toString();
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

    /** A new appeal; its deadline comes from followup's {@code appeal.sla} if that arrived first. */
    public Mono<Void> insert(AppealAssigned e, AppealStatus status) {
        return db.sql("""
                        insert into appeals (id, region, teacher_id, teacher_fio, org_type, text, received_at, ai_topic,
                                             ai_answer, ai_score, target, assigned_operator, assignment_reason,
                                             assigned_at, status, created_at, deadline, deadline_day, federal)
                        select :id, :region, :teacherId, :fio, :orgType, :text, :receivedAt, :aiTopic, :aiAnswer,
                               :aiScore, :target, :operator, :reason, :assignedAt, :status,
                               coalesce(:receivedAt, now()), d.deadline, d.deadline_day, :federal
                          from (select 1) one left join appeal_deadlines d on d.appeal_id = :id""")
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
                .bind("federal", status == AppealStatus.FEDERAL)
                .then();
    }

    /**
     * followup-service set the deadline: kept for an appeal that is not here yet, applied to one that is. Emits
     * whether an appeal changed (its first deadline only: the deadline never moves).
     */
    public Mono<Boolean> setDeadline(UUID id, LocalDate day, Instant deadline, Instant warningAt,
                                     Instant escalateAt) {
        return db.sql("""
                        insert into appeal_deadlines (appeal_id, deadline_day, deadline, warning_at, escalate_at)
                        values (:id, :day, :deadline, :warningAt, :escalateAt)
                        on conflict (appeal_id) do nothing""")
                .bind("id", id)
                .bind("day", Parameter.fromOrEmpty(day, LocalDate.class))
                .bind("deadline", Parameter.fromOrEmpty(deadline, Instant.class))
                .bind("warningAt", Parameter.fromOrEmpty(warningAt, Instant.class))
                .bind("escalateAt", Parameter.fromOrEmpty(escalateAt, Instant.class))
                .then()
                .then(db.sql("""
                                update appeals a set deadline = d.deadline, deadline_day = d.deadline_day,
                                    version = a.version + 1, updated_at = now()
                                  from appeal_deadlines d
                                 where a.id = :id and d.appeal_id = a.id and a.deadline is null""")
                        .bind("id", id)
                        .fetch().rowsUpdated().map(n -> n > 0));
    }

    /** 09:00 region time on the last day, still waiting for an answer: emits whether it changed. */
    public Mono<Boolean> markDeadlineWarning(UUID id) {
        return db.sql("""
                        update appeals set deadline_warning = true, version = version + 1, updated_at = now()
                        where id = :id and not deadline_warning and status in ('NEW', 'IN_PROGRESS', 'FEDERAL')""")
                .bind("id", id)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Why the appeal went to federal control, for the federal queue. */
    public Mono<Void> setEscalationReason(UUID id, String reason) {
        return db.sql("update appeals set escalation_reason = :reason where id = :id")
                .bind("id", id).bind("reason", reason).then();
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
