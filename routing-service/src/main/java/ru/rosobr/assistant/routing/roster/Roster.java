package ru.rosobr.assistant.routing.roster;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
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
