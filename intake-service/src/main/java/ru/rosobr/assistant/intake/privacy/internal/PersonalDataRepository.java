package ru.rosobr.assistant.intake.privacy.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Everything intake holds about one teacher, read for an export and removed for an erasure. Reads and writes the
 * tables of several features on purpose: an erasure must reach every copy, in one transaction.
 */
public class PersonalDataRepository {

    public static final String ERASED = "[удалено по запросу]";

    private final DatabaseClient db;

    public PersonalDataRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<List<Map<String, Object>>> appeals(String teacherId) {
        return db.sql("select appeal_id, region, question, created_at, state, last_ai_answer from appeals "
                        + "where teacher_id = :t order by created_at")
                .bind("t", teacherId)
                .map((r, m) -> row("appealId", r.get("appeal_id", UUID.class), "region", r.get("region", String.class),
                        "question", r.get("question", String.class), "createdAt", r.get("created_at", Instant.class),
                        "state", r.get("state", String.class), "aiAnswer", r.get("last_ai_answer", String.class)))
                .all().collectList();
    }

    public Mono<List<Map<String, Object>>> messages(String teacherId) {
        return db.sql("select appeal_id, direction, text, created_at from messages where teacher_id = :t order by seq")
                .bind("t", teacherId)
                .map((r, m) -> row("appealId", r.get("appeal_id", UUID.class), "direction",
                        r.get("direction", String.class), "text", r.get("text", String.class), "at",
                        r.get("created_at", Instant.class)))
                .all().collectList();
    }

    public Mono<List<Map<String, Object>>> ratings(String teacherId) {
        return db.sql("select r.appeal_id, r.rating, r.rated_at from ratings r join appeals a on a.appeal_id = r.appeal_id "
                        + "where a.teacher_id = :t order by r.rated_at")
                .bind("t", teacherId)
                .map((r, m) -> row("appealId", r.get("appeal_id", UUID.class), "rating", r.get("rating", Integer.class),
                        "at", r.get("rated_at", Instant.class)))
                .all().collectList();
    }

    /**
     * Removes the teacher's personal data and emits the ids of their appeals. What statistics need stays: the
     * appeals (region, dates, state), ratings, the teacher row with region and organisation type — without name,
     * platform id, questions or messages.
     */
    public Mono<List<UUID>> erase(String teacherId) {
        Mono<List<UUID>> ids = db.sql("select appeal_id from appeals where teacher_id = :t").bind("t", teacherId)
                .map((r, m) -> r.get("appeal_id", UUID.class)).all().collectList();
        return ids.flatMap(appealIds -> db.sql("delete from messages where teacher_id = :t").bind("t", teacherId).then()
                .then(db.sql("update appeals set question = :e, last_ai_answer = null, updated_at = now() "
                        + "where teacher_id = :t").bind("e", ERASED).bind("t", teacherId).then())
                .then(db.sql("update outbound_deliveries set text = :e, buttons = '[]' where teacher_id = :t")
                        .bind("e", ERASED).bind("t", teacherId).then())
                // the platform ids are what link the row to the person: the user's replaced by a value nobody has,
                // the dialogue's dropped; the messenger profile's name goes with the registry's
                .then(db.sql("update teachers set fio = null, display_name = null, "
                                + "platform_user_id = 'erased:' || gen_random_uuid(), platform_dialog_id = null, "
                                + "verified = false, pending_question = null, pending_external_id = null, "
                                + "updated_at = now() where teacher_id = :t")
                        .bind("t", teacherId).then())
                .thenReturn(appealIds));
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
