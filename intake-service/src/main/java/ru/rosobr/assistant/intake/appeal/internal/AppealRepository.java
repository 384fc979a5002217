package ru.rosobr.assistant.intake.appeal.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.intake.appeal.Appeal;
import ru.rosobr.assistant.intake.appeal.AppealState;

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

    public Mono<Boolean> exists(UUID appealId) {
        return db.sql("select 1 from appeals where appeal_id = :id").bind("id", appealId).fetch().first()
                .hasElement();
    }

    /**
     * Records an outbound message of the appeal in one statement: its answer (the AI's text with it when
     * {@code aiAnswer}) and the state it moves to, unless the appeal is already there or further on. Emits
     * whether the appeal exists.
     */
    public Mono<Boolean> recordOutbound(UUID appealId, Optional<AppealState> next, UUID answerId, String text,
                                        boolean aiAnswer) {
        String[] from = next.map(n -> n.predecessors().stream().map(Enum::name).toArray(String[]::new))
                .orElse(new String[0]);
        StringBuilder sql = new StringBuilder("update appeals set updated_at = now()");
        if (answerId != null) {
            sql.append(", last_answer_id = :answer");
        }
        if (aiAnswer) {
            sql.append(", last_ai_answer = :text");
        }
        if (from.length > 0) {
            sql.append(", state = case when state = any(:from) then :next else state end");
        }
        var spec = db.sql(sql.append(" where appeal_id = :id").toString()).bind("id", appealId);
        if (answerId != null) {
            spec = spec.bind("answer", answerId);
        }
        if (aiAnswer) {
            spec = text == null ? spec.bindNull("text", String.class) : spec.bind("text", text);
        }
        if (from.length > 0) {
            spec = spec.bind("from", from).bind("next", next.get().name());
        }
        return spec.fetch().rowsUpdated().map(n -> n > 0);
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
