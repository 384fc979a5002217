package ru.rosobr.assistant.answer.learning.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.answer.learning.Judgement;
import ru.rosobr.assistant.answer.learning.JudgementSummary;
import ru.rosobr.assistant.contracts.events.AiJudged;

/** Rows of kb_judgements, and the decision an appeal got (match_decisions). */
public class JudgementRepository {

    /** What the matcher decided for an appeal. */
    public record StoredDecision(String decision, String entryId, Integer entryVersion, double score,
                                 String question) {
    }

    private final DatabaseClient db;

    public JudgementRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<StoredDecision> decision(UUID appealId) {
        return db.sql("select decision, entry_id, entry_version, score, question from match_decisions "
                        + "where appeal_id = :appeal")
                .bind("appeal", appealId)
                .map(r -> new StoredDecision(r.get("decision", String.class), r.get("entry_id", String.class),
                        r.get("entry_version", Integer.class), r.get("score", Double.class),
                        r.get("question", String.class)))
                .one();
    }

    public Mono<Void> insert(AiJudged e, String entryId, Integer entryVersion, StoredDecision d, String learned) {
        var spec = db.sql("""
                        insert into kb_judgements (event_id, appeal_id, entry_id, entry_version, verdict, decision,
                                                   score, question, comment, judged_by, learned_phrasing, judged_at)
                        values (:event, :appeal, :entry, :entryVersion, :verdict, :decision, :score, :question,
                                :comment, :by, :learned, :at)
                        on conflict (event_id) do nothing""")
                .bind("event", e.eventId())
                .bind("appeal", e.appealId())
                .bind("verdict", e.verdict().name())
                .bind("at", e.occurredAt() == null ? Instant.now() : e.occurredAt());
        spec = bindOrNull(spec, "entry", entryId, String.class);
        spec = bindOrNull(spec, "entryVersion", entryVersion, Integer.class);
        spec = bindOrNull(spec, "decision", d == null ? null : d.decision(), String.class);
        spec = bindOrNull(spec, "score", d == null ? null : d.score(), Double.class);
        spec = bindOrNull(spec, "question", d == null ? null : d.question(), String.class);
        spec = bindOrNull(spec, "comment", e.comment(), String.class);
        spec = bindOrNull(spec, "by", e.operatorId(), String.class);
        spec = bindOrNull(spec, "learned", learned, String.class);
        return spec.then();
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindOrNull(DatabaseClient.GenericExecuteSpec spec,
                                                                    String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    public Flux<Judgement> list(String entryId, String verdict, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        if (entryId != null) {
            where.append(" and entry_id = :entry");
        }
        if (verdict != null) {
            where.append(" and verdict = :verdict");
        }
        var spec = db.sql("select appeal_id, entry_id, entry_version, verdict, decision, score, question, comment, "
                + "judged_by, learned_phrasing, judged_at from kb_judgements" + where
                + " order by judged_at desc, event_id limit :limit").bind("limit", limit);
        if (entryId != null) {
            spec = spec.bind("entry", entryId);
        }
        if (verdict != null) {
            spec = spec.bind("verdict", verdict);
        }
        return spec.map(r -> new Judgement(r.get("appeal_id", UUID.class), r.get("entry_id", String.class),
                        r.get("entry_version", Integer.class), AiJudged.Verdict.valueOf(r.get("verdict", String.class)),
                        r.get("decision", String.class), r.get("score", Double.class), r.get("question", String.class),
                        r.get("comment", String.class), r.get("judged_by", String.class),
                        r.get("learned_phrasing", String.class), r.get("judged_at", Instant.class)))
                .all();
    }

    public Flux<JudgementSummary> summary() {
        return db.sql("""
                        select entry_id,
                               count(*) filter (where verdict = 'CORRECT') as correct,
                               count(*) filter (where verdict = 'PARTIAL') as partial,
                               count(*) filter (where verdict = 'WRONG') as wrong,
                               count(learned_phrasing) as learned,
                               max(judged_at) filter (where verdict = 'WRONG') as last_wrong
                        from kb_judgements where entry_id is not null group by entry_id order by entry_id""")
                .map(r -> new JudgementSummary(r.get("entry_id", String.class), r.get("correct", Long.class),
                        r.get("partial", Long.class), r.get("wrong", Long.class), r.get("learned", Long.class),
                        r.get("last_wrong", Instant.class)))
                .all();
    }
}
