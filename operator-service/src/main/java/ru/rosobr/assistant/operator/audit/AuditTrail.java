package ru.rosobr.assistant.operator.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.operator.problems.Problems;
import ru.rosobr.assistant.platform.security.Viewer;

/** The audit log of operator actions; written in the transaction of the action it records. */
public class AuditTrail {

    public static final int MAX_LIMIT = 500;

    private final DatabaseClient db;

    public AuditTrail(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(String actor, String action, UUID appealId, String region, String details) {
        return db.sql("insert into audit_log (actor, action, appeal_id, region, details) "
                        + "values (:actor, :action, :appeal, :region, :details)")
                .bind("actor", actor)
                .bind("action", action)
                .bind("appeal", Parameter.fromOrEmpty(appealId, UUID.class))
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .bind("details", Parameter.fromOrEmpty(details, String.class))
                .then();
    }

    /**
     * A staff action another service reported, at the time it was taken; an event already in the log (delivered
     * again) adds nothing.
     */
    public Mono<Void> recordReported(StaffActionAudited e) {
        return db.sql("insert into audit_log (actor, action, region, details, at, event_id) "
                        + "values (:actor, :action, :region, :details, :at, :event) "
                        + "on conflict (event_id) where event_id is not null do nothing")
                .bind("actor", e.actor())
                .bind("action", e.action())
                .bind("region", Parameter.fromOrEmpty(e.region(), String.class))
                .bind("details", Parameter.fromOrEmpty(e.details(), String.class))
                .bind("at", e.occurredAt())
                .bind("event", e.eventId())
                .then();
    }

    /**
     * The log the viewer may see: regional heads their region, federal staff and admins everything; {@code from}
     * inclusive, {@code to} exclusive, both optional.
     */
    public Flux<AuditEntry> readBy(Viewer viewer, String appealIdParam, String actor, String action, Instant from,
                                   Instant to, int limit) {
        boolean head = viewer.has("REGIONAL_HEAD");
        if (!head && !viewer.seesAllRegions()) {
            return Flux.error(Problems.forbidden(
                    "Журнал действий доступен руководителю региона и федеральным сотрудникам"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Flux.error(Problems.badRequest("Параметр limit должен быть от 1 до " + MAX_LIMIT));
        }
        UUID appealId = null;
        if (appealIdParam != null) {
            try {
                appealId = UUID.fromString(appealIdParam.trim());
            } catch (IllegalArgumentException e) {
                return Flux.error(Problems.badRequest("Некорректный идентификатор обращения: " + appealIdParam));
            }
        }
        return viewer.seesNoRegion() ? Flux.empty()
                : find(viewer.limitedTo(), appealId, actor, action, from, to, limit);
    }

    /** Newest first; {@code region} null = every region; {@code actor}, {@code action} optional filters. */
    public Flux<AuditEntry> find(String region, UUID appealId, String actor, String action, int limit) {
        return find(region, appealId, actor, action, null, null, limit);
    }

    /** As above, within {@code [from, to)} when given. */
    public Flux<AuditEntry> find(String region, UUID appealId, String actor, String action, Instant from, Instant to,
                                 int limit) {
        StringBuilder sql = new StringBuilder(
                "select id, actor, action, appeal_id, region, details, at from audit_log where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (region != null) {
            sql.append(" and region = :region");
            params.put("region", region);
        }
        if (appealId != null) {
            sql.append(" and appeal_id = :appeal");
            params.put("appeal", appealId);
        }
        if (actor != null) {
            sql.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (action != null) {
            sql.append(" and action = :action");
            params.put("action", action);
        }
        if (from != null) {
            sql.append(" and at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and at < :to");
            params.put("to", to);
        }
        sql.append(" order by id desc limit :limit");
        params.put("limit", limit);
        return db.sql(sql.toString()).bindValues(params)
                .map((r, m) -> new AuditEntry(r.get("id", Long.class), r.get("actor", String.class),
                        r.get("action", String.class), r.get("appeal_id", UUID.class), r.get("region", String.class),
                        r.get("details", String.class), r.get("at", Instant.class)))
                .all();
    }
}
