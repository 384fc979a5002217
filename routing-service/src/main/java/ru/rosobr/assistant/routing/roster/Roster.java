package ru.rosobr.assistant.routing.roster;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The operators table: who works in which region, who is on shift, how many open appeals each one holds. */
public class Roster {

    private static final String COLUMNS = "username, region, on_shift, open_appeals, last_assigned_at, shift_changed_at";

    private final DatabaseClient db;

    public Roster(DatabaseClient db) {
        this.db = db;
    }

    public Flux<RosterEntry> all() {
        return db.sql("select " + COLUMNS + " from operators order by region, username").map(Roster::entry).all();
    }

    public Flux<RosterEntry> inRegion(String region) {
        return db.sql("select " + COLUMNS + " from operators where region = :region order by username")
                .bind("region", region).map(Roster::entry).all();
    }

    /**
     * The region's operators, locked until the surrounding transaction ends: two appeals of one region decided at
     * the same moment (several topics are consumed in parallel) see each other's load instead of both picking
     * the same "least loaded" operator.
     */
    public Flux<RosterEntry> lockRegion(String region) {
        return db.sql("select " + COLUMNS + " from operators where region = :region order by username for update")
                .bind("region", region).map(Roster::entry).all();
    }

    public Mono<RosterEntry> find(String username) {
        return db.sql("select " + COLUMNS + " from operators where username = :u").bind("u", username)
                .map(Roster::entry).one();
    }

    /** The operator's row, locked until the surrounding transaction ends. */
    public Mono<RosterEntry> lock(String username) {
        return db.sql("select " + COLUMNS + " from operators where username = :u for update").bind("u", username)
                .map(Roster::entry).one();
    }

    /** Adds the operator (off shift) or moves them to another region; emits the row as it is now. */
    public Mono<RosterEntry> upsert(String username, String region) {
        return db.sql("insert into operators (username, region, on_shift) values (:u, :r, false) "
                        + "on conflict (username) do update set region = excluded.region returning " + COLUMNS)
                .bind("u", username).bind("r", region)
                .map(Roster::entry).one();
    }

    /** Takes the user off the roster (no longer an operator, or disabled); logs the end of a shift they were on. */
    public Mono<Void> remove(String username) {
        return db.sql("""
                        with gone as (delete from operators where username = :u returning username, region, on_shift)
                        insert into shift_log (username, region, action, changed_by, policy, moved)
                        select username, region, 'END', 'operator-service', null, 0 from gone where on_shift""")
                .bind("u", username).then();
    }

    /** Puts the operator on or off shift; the idle clock restarts only when the shift state really changes. */
    public Mono<RosterEntry> setShift(String username, boolean onShift) {
        return db.sql("update operators set shift_changed_at = case when on_shift = :s then shift_changed_at "
                        + "else now() end, on_shift = :s where username = :u returning " + COLUMNS)
                .bind("u", username).bind("s", onShift)
                .map(Roster::entry).one();
    }

    /** The shift log: who came or went, who made the change, what moved. */
    public Mono<Void> logShift(String username, String region, boolean start, String changedBy, String policy,
                               int moved) {
        return db.sql("insert into shift_log (username, region, action, changed_by, policy, moved) "
                        + "values (:u, :r, :a, :by, :p, :m)")
                .bind("u", username).bind("r", region).bind("a", start ? "START" : "END").bind("by", changedBy)
                .bind("p", Parameter.fromOrEmpty(policy, String.class))
                .bind("m", moved)
                .then();
    }

    /** Adds an operator unless present; an existing operator keeps their shift and load. */
    public Mono<Boolean> addIfAbsent(String username, String region, boolean onShift) {
        return db.sql("insert into operators (username, region, on_shift) values (:u, :r, :s) on conflict do nothing")
                .bind("u", username).bind("r", region).bind("s", onShift)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The operator got one more appeal. */
    public Mono<Void> assigned(String username) {
        return db.sql("update operators set open_appeals = open_appeals + 1, last_assigned_at = now() "
                        + "where username = :u")
                .bind("u", username).then();
    }

    /** One of the operator's appeals is answered or taken away. */
    public Mono<Void> released(String username) {
        return db.sql("update operators set open_appeals = greatest(open_appeals - 1, 0) where username = :u")
                .bind("u", username).then();
    }

    private static RosterEntry entry(Readable r) {
        return new RosterEntry(r.get("username", String.class), r.get("region", String.class),
                Boolean.TRUE.equals(r.get("on_shift", Boolean.class)), r.get("open_appeals", Integer.class),
                r.get("last_assigned_at", Instant.class), r.get("shift_changed_at", Instant.class));
    }
}
