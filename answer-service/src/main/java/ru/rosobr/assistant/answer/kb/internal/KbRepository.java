package ru.rosobr.assistant.answer.kb.internal;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;
import ru.rosobr.assistant.platform.json.EventCodec;

/** Rows of kb_entries and kb_entry_versions. */
public class KbRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DatabaseClient db;

    public KbRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<KbEntry> findAll() {
        return db.sql("select id, topic, question, phrasings, answer, legal_basis, audience, status, version "
                        + "from kb_entries order by id")
                .map((r, m) -> new KbEntry(r.get("id", String.class), r.get("topic", String.class),
                        r.get("question", String.class),
                        EventCodec.mapper().readValue(r.get("phrasings", String.class), STRINGS),
                        r.get("answer", String.class), r.get("legal_basis", String.class),
                        Audience.valueOf(r.get("audience", String.class)),
                        KbEntry.Status.valueOf(r.get("status", String.class)), r.get("version", Integer.class)))
                .all();
    }

    public Mono<Boolean> exists(String id) {
        return db.sql("select 1 from kb_entries where id = :id").bind("id", id).fetch().first().hasElement();
    }

    /** Inserts or updates; the stored version becomes max(current + 1, entry.version). */
    public Mono<KbEntry> upsert(KbEntry e, String changedBy) {
        String phrasings = EventCodec.mapper().writeValueAsString(e.phrasings());
        return db.sql("""
                        insert into kb_entries (id, topic, question, phrasings, answer, legal_basis, audience, status,
                                                version, verified_by, verified_at, updated_at)
                        values (:id, :topic, :question, :phrasings, :answer, :legal, :audience, :status, :version,
                                :by, case when :status = 'VERIFIED' then now() end, now())
                        on conflict (id) do update set topic = excluded.topic, question = excluded.question,
                            phrasings = excluded.phrasings, answer = excluded.answer,
                            legal_basis = excluded.legal_basis, audience = excluded.audience,
                            status = excluded.status,
                            version = greatest(kb_entries.version + 1, excluded.version),
                            verified_by = case when excluded.status = 'VERIFIED' then excluded.verified_by
                                               else kb_entries.verified_by end,
                            verified_at = case when excluded.status = 'VERIFIED' then now()
                                               else kb_entries.verified_at end,
                            updated_at = now()
                        returning version""")
                .bind("id", e.id())
                .bind("topic", e.topic())
                .bind("question", e.question())
                .bind("phrasings", phrasings)
                .bind("answer", e.answer())
                .bind("legal", e.legalBasis() == null ? "" : e.legalBasis())
                .bind("audience", e.audience().name())
                .bind("status", e.status().name())
                .bind("version", Math.max(1, e.version()))
                .bind("by", changedBy == null ? "system" : changedBy)
                .map((r, m) -> r.get("version", Integer.class))
                .one()
                .flatMap(version -> db.sql("""
                                insert into kb_entry_versions (entry_id, version, topic, question, phrasings, answer,
                                                               legal_basis, audience, status, changed_by)
                                values (:id, :version, :topic, :question, :phrasings, :answer, :legal, :audience,
                                        :status, :by)""")
                        .bind("id", e.id())
                        .bind("version", version)
                        .bind("topic", e.topic())
                        .bind("question", e.question())
                        .bind("phrasings", phrasings)
                        .bind("answer", e.answer())
                        .bind("legal", e.legalBasis() == null ? "" : e.legalBasis())
                        .bind("audience", e.audience().name())
                        .bind("status", e.status().name())
                        .bind("by", changedBy == null ? "system" : changedBy)
                        .then()
                        .thenReturn(new KbEntry(e.id(), e.topic(), e.question(), e.phrasings(), e.answer(),
                                e.legalBasis(), e.audience(), e.status(), version)));
    }

    public Mono<Long> baseVersion() {
        return db.sql("select count(*) as n from kb_entry_versions").map((r, m) -> r.get("n", Long.class)).one();
    }
}
