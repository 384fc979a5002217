package ru.rosobr.assistant.intake.messenger.internal;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;

/** Rows of the inbound_updates table. */
public class InboxRepository {

    /** A stored update. */
    public record Row(long id, Channel channel, String updateType, String payload, int attempts) {
    }

    private final DatabaseClient db;

    public InboxRepository(DatabaseClient db) {
        this.db = db;
    }

    /** An update that cannot be processed, kept as FAILED with the reason (for investigation; never processed). */
    public Mono<Boolean> insertRejected(Channel channel, String dedupKey, String updateType, String payload,
                                        String reason) {
        return db.sql("insert into inbound_updates (channel, dedup_key, update_type, payload, status, error) "
                        + "values (:channel, :key, :type, :payload, 'FAILED', :error) "
                        + "on conflict (channel, dedup_key) do nothing")
                .bind("channel", channel.name())
                .bind("key", dedupKey)
                .bind("type", updateType)
                .bind("payload", payload)
                .bind("error", reason)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Boolean> insert(Channel channel, String dedupKey, String updateType, String payload) {
        return db.sql("insert into inbound_updates (channel, dedup_key, update_type, payload) "
                        + "values (:channel, :key, :type, :payload) on conflict (channel, dedup_key) do nothing")
                .bind("channel", channel.name())
                .bind("key", dedupKey)
                .bind("type", updateType)
                .bind("payload", payload)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    private static final String COLUMNS = "select id, channel, update_type, payload, attempts from inbound_updates ";

    private static Row row(io.r2dbc.spi.Readable r) {
        return new Row(r.get("id", Long.class), Channel.valueOf(r.get("channel", String.class)),
                r.get("update_type", String.class), r.get("payload", String.class), r.get("attempts", Integer.class));
    }

    /** The oldest updates waiting to be processed (not locked: {@link #lockIfNew} decides who processes one). */
    public Flux<Row> waitingRows(int limit) {
        return db.sql(COLUMNS + "where status = 'NEW' order by id limit :limit")
                .bind("limit", limit)
                .map(InboxRepository::row)
                .all();
    }

    /** Locks the update for this transaction unless it was processed or another worker holds it. */
    public Mono<Row> lockIfNew(long id) {
        return db.sql(COLUMNS + "where id = :id and status = 'NEW' for update skip locked")
                .bind("id", id)
                .map(InboxRepository::row)
                .one();
    }

    /** Locks those of the updates that are still new and that no other worker holds; emits their ids. */
    public Flux<Long> lockIfNew(List<Long> ids) {
        return db.sql("select id from inbound_updates where id = any(:ids) and status = 'NEW' for update skip locked")
                .bind("ids", ids.toArray(Long[]::new))
                .map(r -> r.get("id", Long.class))
                .all();
    }

    public Mono<Void> markDone(long id) {
        return markDone(List.of(id));
    }

    public Mono<Void> markDone(List<Long> ids) {
        return db.sql("update inbound_updates set status = 'DONE', processed_at = now(), error = null "
                        + "where id = any(:ids)").bind("ids", ids.toArray(Long[]::new)).then();
    }

    /** A failed attempt; after {@code maxAttempts} the update is kept as FAILED with the error. */
    public Mono<Void> markFailed(long id, String error, int maxAttempts) {
        return db.sql("update inbound_updates set attempts = attempts + 1, error = :error, "
                        + "status = case when attempts + 1 >= :max then 'FAILED' else 'NEW' end where id = :id")
                .bind("id", id).bind("error", error).bind("max", maxAttempts).then();
    }
}
