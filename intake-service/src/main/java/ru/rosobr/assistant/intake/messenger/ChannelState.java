package ru.rosobr.assistant.intake.messenger;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Small durable values of the channels (the MAX long-polling marker), kept across restarts. */
public class ChannelState {

    private final DatabaseClient db;

    public ChannelState(DatabaseClient db) {
        this.db = db;
    }

    public Mono<String> get(String name) {
        return db.sql("select value from channel_state where name = :name").bind("name", name)
                .map(r -> r.get("value", String.class)).one();
    }

    public Mono<Void> put(String name, String value) {
        return db.sql("insert into channel_state (name, value) values (:name, :value) "
                        + "on conflict (name) do update set value = excluded.value, updated_at = now()")
                .bind("name", name).bind("value", value).then();
    }
}
