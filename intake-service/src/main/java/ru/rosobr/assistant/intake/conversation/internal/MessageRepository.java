package ru.rosobr.assistant.intake.conversation.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.conversation.ChatMessage;
import ru.rosobr.assistant.contracts.json.EventCodec;

/** Rows of the messages table. */
public class MessageRepository {

    private static final TypeReference<List<Button>> BUTTONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "message_id, teacher_id, appeal_id, direction, text, buttons, created_at";

    private final DatabaseClient db;

    public MessageRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<ChatMessage> insertIncoming(UUID messageId, String teacherId, UUID appealId, String text,
                                            String externalId) {
        var spec = db.sql("insert into messages (message_id, teacher_id, appeal_id, direction, text, external_id) "
                        + "values (:id, :teacher, :appeal, 'IN', :text, :external) returning " + COLUMNS)
                .bind("id", messageId)
                .bind("teacher", teacherId)
                .bind("text", text);
        spec = appealId == null ? spec.bindNull("appeal", UUID.class) : spec.bind("appeal", appealId);
        spec = externalId == null ? spec.bindNull("external", String.class) : spec.bind("external", externalId);
        return spec.map(MessageRepository::message).one();
    }

    /** Inserts unless a message with this outbound id exists; emits whether a row was inserted. */
    public Mono<Boolean> insertOutgoing(UUID messageId, String teacherId, UUID appealId, String text,
                                        List<Button> buttons, UUID outboundId) {
        var spec = db.sql("insert into messages (message_id, teacher_id, appeal_id, direction, text, buttons, "
                        + "outbound_id) values (:id, :teacher, :appeal, 'OUT', :text, :buttons, :outbound) "
                        + "on conflict do nothing")
                .bind("id", messageId)
                .bind("teacher", teacherId)
                .bind("text", text)
                .bind("buttons", EventCodec.mapper().writeValueAsString(buttons == null ? List.of() : buttons));
        spec = appealId == null ? spec.bindNull("appeal", UUID.class) : spec.bind("appeal", appealId);
        spec = outboundId == null ? spec.bindNull("outbound", UUID.class) : spec.bind("outbound", outboundId);
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    public Flux<ChatMessage> latest(String teacherId, int limit) {
        return db.sql("select * from (select seq, " + COLUMNS + " from messages where teacher_id = :teacher "
                        + "order by seq desc limit :limit) latest order by seq")
                .bind("teacher", teacherId)
                .bind("limit", limit)
                .map(MessageRepository::message)
                .all();
    }

    private static ChatMessage message(Readable r) {
        return new ChatMessage(r.get("message_id", UUID.class), r.get("teacher_id", String.class),
                r.get("appeal_id", UUID.class), ChatMessage.Direction.valueOf(r.get("direction", String.class)),
                r.get("text", String.class),
                EventCodec.mapper().readValue(r.get("buttons", String.class), BUTTONS),
                r.get("created_at", Instant.class));
    }
}
