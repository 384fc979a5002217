package ru.rosobr.assistant.intake.appeal.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.intake.appeal.Appeal;
import ru.rosobr.assistant.intake.appeal.AppealStanding;
import ru.rosobr.assistant.intake.appeal.AppealState;
import ru.rosobr.assistant.intake.appeal.OutboundEffect;

/** Rows of the appeals and ratings tables. */
public class AppealRepository {

    private static final String COLUMNS = "appeal_id, teacher_id, region, question, created_at, state, "
            + "last_ai_answer, last_answer_id, human_requested_at";

    private final DatabaseClient db;

    public AppealRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Appeal> insert(UUID appealId, String teacherId, String region, String question, Instant createdAt) {
        return db.sql("insert into appeals (appeal_id, teacher_id, region, question, created_at, state) "
                        + "values (:id, :teacher, :region, :question, :at, :state) returning " + COLUMNS)
                .bind("id", appealId)
                .bind("teacher", teacherId)
                .bind("region", region)
                .bind("question", question)
                .bind("at", createdAt)
                .bind("state", AppealState.OPEN.name())
                .map(AppealRepository::appeal)
                .one();
    }

    public Mono<Appeal> find(UUID appealId) {
        return db.sql("select " + COLUMNS + " from appeals where appeal_id = :id")
                .bind("id", appealId).map(AppealRepository::appeal).one();
    }

    public Mono<Appeal> findForUpdate(UUID appealId) {
        return db.sql("select " + COLUMNS + " from appeals where appeal_id = :id for update")
                .bind("id", appealId).map(AppealRepository::appeal).one();
    }

    /**
     * The teacher's latest appeal that is with a specialist and not answered yet: routed, or handed over at the
     * teacher's request while the routing status is still on its way.
     */
    public Mono<Appeal> latestAwaitingSpecialist(String teacherId) {
        return db.sql("select " + COLUMNS + " from appeals where teacher_id = :teacher "
                        + "and (state = 'ROUTED' or (state in ('OPEN', 'ANSWERED_AI') and human_requested_at is not null)) "
                        + "order by created_at desc limit 1")
                .bind("teacher", teacherId).map(AppealRepository::appeal).one();
    }

    /**
     * followup-service's latest word on the appeal's deadline. The deadline itself is set once; a stage never
     * replaces ANSWERED except FEDERAL (the head may still hand an answered appeal to federal control).
     */
    public Mono<Long> applySla(UUID appealId, String stage, LocalDate deadlineDay, Instant deadline) {
        return db.sql("""
                        update appeals set sla_stage = :stage,
                            deadline_day = coalesce(deadline_day, :day), deadline = coalesce(deadline, :deadline),
                            updated_at = now()
                        where appeal_id = :id
                          and (sla_stage is distinct from 'ANSWERED' or :stage = 'FEDERAL')""")
                .bind("id", appealId)
                .bind("stage", stage)
                .bind("day", Parameter.fromOrEmpty(deadlineDay, LocalDate.class))
                .bind("deadline", Parameter.fromOrEmpty(deadline, Instant.class))
                .fetch().rowsUpdated();
    }

    /** The teacher's latest appeal a specialist has answered, if any. */
    public Mono<AppealStanding> lastAnswered(String teacherId) {
        return db.sql("""
                        select appeal_id, region, question, created_at, state, sla_stage, deadline_day from appeals
                         where teacher_id = :teacher and (state = 'ANSWERED' or sla_stage = 'ANSWERED')
                         order by created_at desc limit 1""")
                .bind("teacher", teacherId)
                .map(r -> new AppealStanding(r.get("appeal_id", UUID.class), r.get("region", String.class),
                        r.get("question", String.class),
                        r.get("created_at", Instant.class), AppealState.valueOf(r.get("state", String.class)),
                        r.get("sla_stage", String.class), r.get("deadline_day", LocalDate.class)))
                .one();
    }

    /**
     * The teacher's appeals still waiting for an answer, newest first: just received, with a specialist (routed
     * or reported by followup), or handed over at the teacher's request.
     */
    public Flux<AppealStanding> waiting(String teacherId, int limit) {
        return db.sql("""
                        select appeal_id, region, question, created_at, state, sla_stage, deadline_day from appeals
                         where teacher_id = :teacher and state not in ('ANSWERED', 'CLOSED')
                           and (state in ('OPEN', 'ROUTED') or human_requested_at is not null
                                or (sla_stage is not null and sla_stage <> 'ANSWERED'))
                           and sla_stage is distinct from 'ANSWERED'
                         order by created_at desc limit :limit""")
                .bind("teacher", teacherId)
                .bind("limit", limit)
                .map(r -> new AppealStanding(r.get("appeal_id", UUID.class), r.get("region", String.class),
                        r.get("question", String.class),
                        r.get("created_at", Instant.class), AppealState.valueOf(r.get("state", String.class)),
                        r.get("sla_stage", String.class), r.get("deadline_day", LocalDate.class)))
                .all();
    }

    /** Applies the effects in one statement (one row per appeal); emits the appeals that exist. */
    public Mono<java.util.Set<UUID>> recordOutbound(java.util.List<OutboundEffect> effects) {
        int n = effects.size();
        String[] ids = new String[n];
        String[] answers = new String[n];
        String[] texts = new String[n];
        String[] ai = new String[n];
        String[] next = new String[n];
        String[] from = new String[n];
        for (int i = 0; i < n; i++) {
            OutboundEffect e = effects.get(i);
            ids[i] = e.appealId().toString();
            answers[i] = e.answerId() == null ? null : e.answerId().toString();
            texts[i] = e.aiAnswer();
            ai[i] = String.valueOf(e.aiAnswer() != null);
            next[i] = e.next() == null ? null : e.next().name();
            from[i] = e.next() == null ? null
                    : String.join(",", e.next().predecessors().stream().map(Enum::name).toList());
        }
        return db.sql("update appeals a set "
                        + "updated_at = case when v.answer is null and v.next is null then a.updated_at else now() end, "
                        + "last_answer_id = coalesce(v.answer, a.last_answer_id), "
                        + "last_ai_answer = case when v.ai then v.text else a.last_ai_answer end, "
                        + "state = case when v.next is not null and a.state = any(string_to_array(v.from_states, ',')) "
                        + "then v.next else a.state end "
                        + "from unnest(:ids::uuid[], :answers::uuid[], :texts::text[], :ai::boolean[], :next::text[], "
                        + ":from::text[]) as v(id, answer, text, ai, next, from_states) "
                        + "where a.appeal_id = v.id returning a.appeal_id")
                .bind("ids", ids).bind("answers", answers).bind("texts", texts).bind("ai", ai)
                .bind("next", next).bind("from", from)
                .map(r -> r.get("appeal_id", UUID.class))
                .all()
                .collect(java.util.HashSet::new, java.util.Set::add);
    }

    public Mono<Long> insertRating(UUID appealId, UUID answerId, int rating) {
        return db.sql("insert into ratings (appeal_id, answer_id, rating) values (:id, :answer, :rating) "
                        + "on conflict do nothing")
                .bind("id", appealId).bind("answer", answerId).bind("rating", rating)
                .fetch().rowsUpdated();
    }

    public Mono<Long> markHumanRequested(UUID appealId) {
        return db.sql("update appeals set human_requested_at = now(), updated_at = now() "
                        + "where appeal_id = :id and human_requested_at is null")
                .bind("id", appealId)
                .fetch().rowsUpdated();
    }

    private static Appeal appeal(Readable r) {
        return new Appeal(r.get("appeal_id", UUID.class), r.get("teacher_id", String.class),
                r.get("region", String.class), r.get("question", String.class), r.get("created_at", Instant.class),
                AppealState.valueOf(r.get("state", String.class)), r.get("last_ai_answer", String.class),
                r.get("last_answer_id", UUID.class), r.get("human_requested_at", Instant.class));
    }
}
