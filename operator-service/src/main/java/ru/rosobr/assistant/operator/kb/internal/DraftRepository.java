package ru.rosobr.assistant.operator.kb.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;
import ru.rosobr.assistant.operator.kb.KbDraft;
import ru.rosobr.assistant.operator.kb.KbDraftStatus;

/** Rows of kb_drafts. */
public class DraftRepository {

    private final DatabaseClient db;

    public DraftRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<KbDraft> insert(KbDraft d) {
        return db.sql("""
                        insert into kb_drafts (id, appeal_id, region, author, topic, audience, question, phrasings,
                                               answer, legal_basis, status)
                        values (:id, :appeal, :region, :author, :topic, :audience, :question, :phrasings, :answer,
                                :legalBasis, 'DRAFT')
                        returning *""")
                .bind("id", d.id())
                .bind("appeal", Parameter.fromOrEmpty(d.appealId(), UUID.class))
                .bind("region", Parameter.fromOrEmpty(d.region(), String.class))
                .bind("author", d.author())
                .bind("topic", d.topic())
                .bind("audience", d.audience().name())
                .bind("question", d.question())
                .bind("phrasings", d.phrasings().toArray(String[]::new))
                .bind("answer", d.answer())
                .bind("legalBasis", Parameter.fromOrEmpty(d.legalBasis(), String.class))
                .map(DraftRepository::draft).one();
    }

    public Mono<KbDraft> find(UUID id) {
        return db.sql("select * from kb_drafts where id = :id").bind("id", id).map(DraftRepository::draft).one();
    }

    public Mono<KbDraft> lock(UUID id) {
        return db.sql("select * from kb_drafts where id = :id for update").bind("id", id)
                .map(DraftRepository::draft).one();
    }

    /** Newest first; {@code author} null = everybody's drafts, {@code status} null = every status. */
    public Flux<KbDraft> list(String author, KbDraftStatus status, int limit) {
        StringBuilder sql = new StringBuilder("select * from kb_drafts where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (author != null) {
            sql.append(" and author = :author");
            params.put("author", author);
        }
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        sql.append(" order by created_at desc, id limit :limit");
        params.put("limit", limit);
        return db.sql(sql.toString()).bindValues(params).map(DraftRepository::draft).all();
    }

    /** Verified (with the reviewer's edits): published under {@code entryId}. */
    public Mono<KbDraft> publish(KbDraft d, String reviewer, String entryId) {
        return db.sql("""
                        update kb_drafts set topic = :topic, audience = :audience, question = :question,
                            phrasings = :phrasings, answer = :answer, legal_basis = :legalBasis, status = 'PUBLISHED',
                            entry_id = :entryId, reviewed_by = :reviewer, reviewed_at = now(), updated_at = now()
                        where id = :id returning *""")
                .bind("id", d.id())
                .bind("topic", d.topic())
                .bind("audience", d.audience().name())
                .bind("question", d.question())
                .bind("phrasings", d.phrasings().toArray(String[]::new))
                .bind("answer", d.answer())
                .bind("legalBasis", Parameter.fromOrEmpty(d.legalBasis(), String.class))
                .bind("entryId", entryId)
                .bind("reviewer", reviewer)
                .map(DraftRepository::draft).one();
    }

    public Mono<KbDraft> reject(UUID id, String reviewer, String reason) {
        return db.sql("""
                        update kb_drafts set status = 'REJECTED', reject_reason = :reason, reviewed_by = :reviewer,
                            reviewed_at = now(), updated_at = now()
                        where id = :id returning *""")
                .bind("id", id).bind("reason", reason).bind("reviewer", reviewer)
                .map(DraftRepository::draft).one();
    }

    private static KbDraft draft(Readable r) {
        String[] phrasings = r.get("phrasings", String[].class);
        List<String> list = phrasings == null ? List.of() : Arrays.asList(phrasings);
        return new KbDraft(r.get("id", UUID.class), r.get("appeal_id", UUID.class), r.get("region", String.class),
                r.get("author", String.class), r.get("topic", String.class),
                Audience.valueOf(r.get("audience", String.class)), r.get("question", String.class), list,
                r.get("answer", String.class), r.get("legal_basis", String.class),
                KbDraftStatus.valueOf(r.get("status", String.class)), r.get("entry_id", String.class),
                r.get("reviewed_by", String.class), r.get("reviewed_at", Instant.class),
                r.get("reject_reason", String.class), r.get("created_at", Instant.class),
                r.get("updated_at", Instant.class));
    }
}
