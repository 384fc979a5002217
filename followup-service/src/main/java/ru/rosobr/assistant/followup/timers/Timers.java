package ru.rosobr.assistant.followup.timers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * The timers table. Every method is one statement meant to run inside the caller's transaction (a consumer's
 * handler or the scheduler's firing), so a timer changes together with the messages it causes.
 */
public class Timers {

    private final DatabaseClient db;

    public Timers(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Schedules (or moves) the appeal's rating reminder for its latest answer. A reminder that fired is never
     * scheduled again: a teacher is reminded at most once per appeal. A cancelled one (the AI answer was rated, or
     * handed over) comes back for a new answer — the specialist's reply is a new answer to rate.
     * Emits true when a reminder is now pending.
     */
    public Mono<Boolean> scheduleReminder(UUID appealId, String teacherId, String region, Instant dueAt,
                                          Map<String, ?> payload) {
        return scheduleReminders(List.of(new Reminder(appealId, teacherId, region, dueAt, payload))).map(n -> n == 1);
    }

    /** A reminder to schedule: see {@link #scheduleReminder}. */
    public record Reminder(UUID appealId, String teacherId, String region, Instant dueAt, Map<String, ?> payload) {
    }

    /**
     * {@link #scheduleReminder} for a run of answers in one statement. When one run answers an appeal twice, the
     * latest of them wins (a row cannot be upserted twice by one statement). Emits how many reminders are pending.
     */
    public Mono<Long> scheduleReminders(List<Reminder> reminders) {
        Map<UUID, Reminder> latest = new java.util.LinkedHashMap<>();
        for (Reminder r : reminders) {
            latest.remove(r.appealId());
            latest.put(r.appealId(), r);
        }
        if (latest.isEmpty()) {
            return Mono.just(0L);
        }
        List<Reminder> rows = List.copyOf(latest.values());
        return db.sql("""
                        insert into timers (appeal_id, kind, due_at, state, teacher_id, region, payload)
                        select a, 'REMINDER', d, 'PENDING', t, r, p
                          from unnest(:appeals::text[]::uuid[], :dues::text[]::timestamptz[], :teachers::text[],
                                      :regions::text[], :payloads::text[]) as x(a, d, t, r, p)
                        on conflict (appeal_id, kind) do update
                           set due_at = excluded.due_at, state = 'PENDING', cancel_reason = null,
                               teacher_id = coalesce(excluded.teacher_id, timers.teacher_id),
                               region = coalesce(excluded.region, timers.region),
                               payload = excluded.payload, updated_at = now()
                         where timers.state <> 'FIRED'""")
                // text arrays cast in SQL, as the other bulk statements do
                .bind("appeals", rows.stream().map(r -> r.appealId().toString()).toArray(String[]::new))
                .bind("dues", rows.stream().map(r -> r.dueAt().toString()).toArray(String[]::new))
                .bind("teachers", rows.stream().map(Reminder::teacherId).toArray(String[]::new))
                .bind("regions", rows.stream().map(Reminder::region).toArray(String[]::new))
                .bind("payloads", rows.stream().map(r -> json(r.payload())).toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    /**
     * The appeal went to a human: the reminder about the AI answer would ask the teacher to rate an answer they
     * already said did not help. It is set aside; the human's reply schedules it again.
     */
    public Mono<Void> suspendReminder(UUID appealId) {
        return db.sql("update timers set state = 'CANCELLED', cancel_reason = 'HANDED_OVER', updated_at = now() "
                        + "where appeal_id = :appeal and kind = 'REMINDER' and state = 'PENDING'")
                .bind("appeal", appealId)
                .then();
    }

    /** The teacher rated the answer: its pending reminder will not be sent. */
    public Mono<Void> cancelReminderRated(UUID appealId) {
        return db.sql("update timers set state = 'CANCELLED', cancel_reason = 'RATED', updated_at = now() "
                        + "where appeal_id = :appeal and kind = 'REMINDER' and state = 'PENDING'")
                .bind("appeal", appealId)
                .then();
    }

    /** Starts the answer deadline on the first assignment only; emits true when this call started it. */
    public Mono<Boolean> startOverdue(UUID appealId, String teacherId, String region, Instant deadline,
                                      Map<String, ?> payload) {
        return db.sql("""
                        insert into timers (appeal_id, kind, due_at, state, teacher_id, region, payload)
                        values (:appeal, 'OVERDUE', :due, 'PENDING', :teacher, :region, :payload)
                        on conflict (appeal_id, kind) do nothing""")
                .bind("appeal", appealId)
                .bind("due", deadline)
                .bind("teacher", Parameter.fromOrEmpty(teacherId, String.class))
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .bind("payload", json(payload))
                .fetch().rowsUpdated()
                .map(n -> n == 1);
    }

    /**
     * Starts one of the deadline's later steps (WARNING, ESCALATION) next to the OVERDUE timer of the first
     * assignment; a second start for the same appeal changes nothing.
     */
    public Mono<Void> startStep(UUID appealId, TimerKind kind, String teacherId, String region, Instant dueAt,
                                Map<String, ?> payload) {
        return db.sql("""
                        insert into timers (appeal_id, kind, due_at, state, teacher_id, region, payload)
                        values (:appeal, :kind, :due, 'PENDING', :teacher, :region, :payload)
                        on conflict (appeal_id, kind) do nothing""")
                .bind("appeal", appealId)
                .bind("kind", kind.name())
                .bind("due", dueAt)
                .bind("teacher", Parameter.fromOrEmpty(teacherId, String.class))
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .bind("payload", json(payload))
                .then();
    }

    /**
     * The appeal is under federal control now: a pending automatic escalation has nothing left to do. Emits true
     * the first time only (the escalation row is marked), so the teacher is told once however often routing
     * restates the federal queue.
     */
    public Mono<Boolean> markFederal(UUID appealId) {
        return db.sql("""
                        update timers set state = case when state = 'PENDING' then 'CANCELLED' else state end,
                               cancel_reason = 'FEDERAL', updated_at = now()
                         where appeal_id = :appeal and kind = 'ESCALATION'
                           and cancel_reason is distinct from 'FEDERAL'""")
                .bind("appeal", appealId)
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    /**
     * A human answered: the deadline is met, and with it the warning and the automatic escalation. Leaves a
     * cancelled row even when the assignment has not been seen yet
     * (the topics are not ordered with each other), so a late assignment starts no deadline.
     */
    public Mono<Void> cancelOverdue(UUID appealId, String teacherId, String region, Instant now) {
        return db.sql("""
                        insert into timers (appeal_id, kind, due_at, state, teacher_id, region, cancel_reason)
                        values (:appeal, 'OVERDUE', :now, 'CANCELLED', :teacher, :region, 'REPLIED')
                        on conflict (appeal_id, kind) do update
                           set state = 'CANCELLED', cancel_reason = 'REPLIED', updated_at = now()
                         where timers.state = 'PENDING'""")
                .bind("appeal", appealId)
                .bind("now", now)
                .bind("teacher", Parameter.fromOrEmpty(teacherId, String.class))
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .then()
                .then(db.sql("update timers set state = 'CANCELLED', cancel_reason = 'REPLIED', updated_at = now() "
                                + "where appeal_id = :appeal and kind in ('WARNING', 'ESCALATION') "
                                + "and state = 'PENDING'")
                        .bind("appeal", appealId)
                        .then());
    }

    /** The OVERDUE row of an appeal (its payload holds the deadline day), if the deadline was ever started. */
    public Mono<Timer> overdueOf(UUID appealId) {
        return db.sql("select * from timers where appeal_id = :appeal and kind = 'OVERDUE'")
                .bind("appeal", appealId)
                .map(Timers::timer)
                .one();
    }

    /** Locks up to {@code limit} due pending timers; other scheduler instances skip them. */
    public Mono<List<Timer>> lockDue(Instant now, int limit) {
        return db.sql("select * from timers where state = 'PENDING' and due_at <= :now "
                        + "order by due_at, id limit :limit for update skip locked")
                .bind("now", now)
                .bind("limit", limit)
                .map(Timers::timer)
                .all()
                .collectList();
    }

    public Mono<Void> markFired(long id, Instant now) {
        return db.sql("update timers set state = 'FIRED', fired_at = :now, updated_at = now() where id = :id")
                .bind("id", id)
                .bind("now", now)
                .then();
    }

    public Flux<Timer> ofAppeal(UUID appealId) {
        return db.sql("select * from timers where appeal_id = :appeal order by kind")
                .bind("appeal", appealId)
                .map(Timers::timer)
                .all();
    }

    private static Timer timer(Readable r) {
        return new Timer(r.get("id", Long.class), r.get("appeal_id", UUID.class),
                TimerKind.valueOf(r.get("kind", String.class)), r.get("due_at", Instant.class),
                TimerState.valueOf(r.get("state", String.class)), r.get("teacher_id", String.class),
                r.get("region", String.class), r.get("payload", String.class), r.get("cancel_reason", String.class));
    }

    private static String json(Map<String, ?> payload) {
        return EventCodec.mapper().writeValueAsString(payload == null ? Map.of() : payload);
    }
}
