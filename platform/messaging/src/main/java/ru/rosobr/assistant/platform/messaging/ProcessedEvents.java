package ru.rosobr.assistant.platform.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The record of processed events ({@code processed_events}) that makes a consumer idempotent: written in the
 * transaction of the effect, so an event whose id is already there is skipped. Used by the batch consumers and by
 * anything else that replays topics through the same handlers (a projection's rebuild).
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /** The key {@link #recordNew} emits for an event of a consumer. */
    public static String key(String consumer, UUID eventId) {
        return consumer + '\u0000' + eventId;
    }

    /**
     * Records the events (the i-th id under the i-th consumer name) in one statement; emits the keys of those that
     * were not recorded before (an id repeated in the list counts once).
     */
    public static Mono<Set<String>> recordNew(DatabaseClient db, List<String> consumers, List<UUID> eventIds) {
        return db.sql("insert into processed_events (consumer, event_id) "
                        + "select * from unnest(:consumers::text[], :ids::uuid[]) on conflict do nothing "
                        + "returning consumer, event_id")
                .bind("consumers", consumers.toArray(String[]::new))
                .bind("ids", eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .map((r, m) -> key(r.get("consumer", String.class), r.get("event_id", UUID.class)))
                .all()
                .collect(HashSet::new, Set::add);
    }
}
