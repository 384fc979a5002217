package ru.rosobr.assistant.answer.kb.internal;

import java.time.Instant;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.KbRecord;
import ru.rosobr.assistant.answer.kb.KbVersion;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.platform.notify.PgNotifications;

/** Rows of kb_entries (current version) and kb_entry_versions (history). */
public class KbRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, topic, question, phrasings, answer, legal_basis, audience, status, "
            + "version";

    private final DatabaseClient db;

    public KbRepository(DatabaseClient db) {
        this.db = db;
    }

    private static KbEntry entry(Readable r) {
        return new KbEntry(r.get("id", String.class), r.get("topic", String.class), r.get("question", String.class),
                EventCodec.mapper().readValue(r.get("phrasings", String.class), STRINGS),
                r.get("answer", String.class), r.get("legal_basis", String.class),
                KbEntry.parseAudience(r.get("audience", String.class)),
                KbEntry.Status.valueOf(r.get("status", String.class)), r.get("version", Integer.class));
    }

    private static KbRecord record(Readable r) {
        return new KbRecord(entry(r), r.get("created_by", String.class), r.get("verified_by", String.class),
                r.get("verified_at", Instant.class), r.get("updated_by", String.class),
                r.get("updated_at", Instant.class));
    }

    public Flux<KbEntry> findAll() {
        return db.sql("select " + COLUMNS + " from kb_entries order by id").map(KbRepository::entry).all();
    }

    public Flux<KbRecord> findRecords(KbEntry.Status status) {
        String where = status == null ? "" : " where status = :status";
        var spec = db.sql("select " + COLUMNS + ", created_by, verified_by, verified_at, updated_by, updated_at "
                + "from kb_entries" + where + " order by topic, id");
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(KbRepository::record).all();
    }

    public Mono<KbRecord> findRecord(String id) {
        return db.sql("select " + COLUMNS + ", created_by, verified_by, verified_at, updated_by, updated_at "
                        + "from kb_entries where id = :id")
                .bind("id", id).map(KbRepository::record).one();
    }

    /**
     * Entries whose text matches the query: PostgreSQL full-text search (russian configuration) or a plain
     * substring of the id, topic, question, phrasings or answer — enough for an editor looking for an entry.
     */
    public Flux<KbRecord> search(String q) {
        return db.sql("select " + COLUMNS + ", created_by, verified_by, verified_at, updated_by, updated_at "
                        + "from kb_entries where to_tsvector('russian', question || ' ' || phrasings || ' ' || answer) "
                        + "@@ plainto_tsquery('russian', :q) or strpos(lower(id || ' ' || topic || ' ' || question "
                        + "|| ' ' || phrasings || ' ' || answer), lower(:q)) > 0 order by topic, id")
                .bind("q", q).map(KbRepository::record).all();
    }

    /** The current row, locked until the end of the transaction (edits of one entry are serialised). */
    public Mono<KbRecord> lock(String id) {
        return db.sql("select " + COLUMNS + ", created_by, verified_by, verified_at, updated_by, updated_at "
                        + "from kb_entries where id = :id for update")
                .bind("id", id).map(KbRepository::record).one();
    }

    public Flux<KbVersion> versions(String id) {
        return db.sql("""
                        select entry_id as id, topic, question, phrasings, answer, legal_basis, audience, status,
                               version, change, changed_by, changed_at
                        from kb_entry_versions where entry_id = :id order by version""")
                .bind("id", id)
                .map(r -> new KbVersion(entry(r), KbVersion.Change.valueOf(r.get("change", String.class)),
                        r.get("changed_by", String.class), r.get("changed_at", Instant.class)))
                .all();
    }

    public Mono<Boolean> exists(String id) {
        return db.sql("select 1 from kb_entries where id = :id").bind("id", id).fetch().first().hasElement();
    }

    /**
     * Inserts or updates the entry and appends its version to the history. The stored version becomes
     * max(current + 1, entry.version) — a published event may carry a higher version than ours. A VERIFIED
     * status records {@code by} as the verifier.
     */
    public Mono<KbEntry> save(KbEntry e, String by, KbVersion.Change change) {
        return save(e, by, change, by);
    }

    /**
     * As {@link #save(KbEntry, String, KbVersion.Change)}, with the author of the change ({@code changedBy}) apart
     * from the verifier ({@code by}): a learned phrasing keeps the entry's verifier.
     */
    public Mono<KbEntry> save(KbEntry e, String by, KbVersion.Change change, String changedBy) {
        String author = changedBy == null || changedBy.isBlank() ? "system" : changedBy;
        String phrasings = EventCodec.mapper().writeValueAsString(e.phrasings());
        String audience = KbEntry.audienceCode(e.audience());
        String who = by == null || by.isBlank() ? "system" : by;
        return db.sql("""
                        insert into kb_entries (id, topic, question, phrasings, answer, legal_basis, audience, status,
                                                version, created_by, verified_by, verified_at, updated_by, updated_at)
                        values (:id, :topic, :question, :phrasings, :answer, :legal, :audience, :status, :version,
                                :by, case when :status = 'VERIFIED' then :by end,
                                case when :status = 'VERIFIED' then now() end, :author, now())
                        on conflict (id) do update set topic = excluded.topic, question = excluded.question,
                            phrasings = excluded.phrasings, answer = excluded.answer,
                            legal_basis = excluded.legal_basis, audience = excluded.audience,
                            status = excluded.status,
                            version = greatest(kb_entries.version + 1, excluded.version),
                            verified_by = case when excluded.status = 'VERIFIED' then excluded.verified_by
                                               else kb_entries.verified_by end,
                            verified_at = case when excluded.status = 'VERIFIED' then now()
                                               else kb_entries.verified_at end,
                            updated_by = excluded.updated_by,
                            updated_at = now()
                        returning version""")
                .bind("id", e.id())
                .bind("topic", e.topic())
                .bind("question", e.question())
                .bind("phrasings", phrasings)
                .bind("answer", e.answer())
                .bind("legal", e.legalBasis() == null ? "" : e.legalBasis())
                .bind("audience", audience)
                .bind("status", e.status().name())
                .bind("version", Math.max(1, e.version()))
                .bind("by", who)
                .bind("author", author)
                .map((r, m) -> r.get("version", Integer.class))
                .one()
                .flatMap(version -> db.sql("""
                                insert into kb_entry_versions (entry_id, version, topic, question, phrasings, answer,
                                                               legal_basis, audience, status, change, changed_by)
                                values (:id, :version, :topic, :question, :phrasings, :answer, :legal, :audience,
                                        :status, :change, :by)""")
                        .bind("id", e.id())
                        .bind("version", version)
                        .bind("topic", e.topic())
                        .bind("question", e.question())
                        .bind("phrasings", phrasings)
                        .bind("answer", e.answer())
                        .bind("legal", e.legalBasis() == null ? "" : e.legalBasis())
                        .bind("audience", audience)
                        .bind("status", e.status().name())
                        .bind("change", change.name())
                        .bind("by", author)
                        .then()
                        .thenReturn(e.withStatus(e.status(), version)));
    }

    /**
     * Tells every replica (this one included) that the entry changed: PostgreSQL delivers it when the surrounding
     * transaction commits, never for a rolled-back change. The payload is the id; listeners read the entry.
     */
    public Mono<Void> notifyChanged(String id) {
        return PgNotifications.notify(db, CHANGES_CHANNEL, id);
    }

    /** The notification channel of KB changes (database-wide, hence the service prefix). */
    public static final String CHANGES_CHANNEL = "answer_kb_changed";

    public Mono<KbEntry> findEntry(String id) {
        return db.sql("select " + COLUMNS + " from kb_entries where id = :id").bind("id", id)
                .map(KbRepository::entry).one();
    }

    /** The current version of every entry: what the safety-net check compares with the replica's index. */
    public Flux<java.util.Map.Entry<String, Integer>> entryVersions() {
        return db.sql("select id, version from kb_entries")
                .map((r, m) -> java.util.Map.entry(r.get("id", String.class), r.get("version", Integer.class)))
                .all();
    }

    /**
     * Serialises the starter-base seeding of replicas starting together (until the end of the transaction): the
     * second finds the entries the first wrote instead of writing them again.
     */
    public Mono<Void> lockSeeding() {
        return db.sql("select pg_advisory_xact_lock(hashtextextended('answer-service/starter-kb', 0))").then();
    }
}
