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
import ru.rosobr.assistant.platform.transaction.TransactionBuffers;

/** Rows of the messages table. */
public class MessageRepository {

    private static final TypeReference<List<Button>> BUTTONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "message_id, teacher_id, appeal_id, direction, text, buttons, created_at";

    private final DatabaseClient db;

    public MessageRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A message to insert: {@code outboundId} and {@code externalId} are null where they do not apply. */
    private record Row(UUID messageId, String teacherId, UUID appealId, ChatMessage.Direction direction, String text,
                       String buttons, UUID outboundId, String externalId) {
    }

    /**
     * What the teacher wrote. Inside a transaction the row joins the transaction's other messages and all are
     * inserted in one statement right before the commit, in the order they were recorded; a repeated external id
     * (a webhook delivered twice) then fails that statement, and the transaction rolls back as it would at once.
     */
    public Mono<Void> insertIncoming(UUID messageId, String teacherId, UUID appealId, String text,
                                     String externalId) {
        return write(new Row(messageId, teacherId, appealId, ChatMessage.Direction.IN, text, "[]", null, externalId));
    }

    /** A message the bot showed on its own (no outbound event behind it): buffered like {@link #insertIncoming}. */
    public Mono<Void> insertOwnOutgoing(UUID messageId, String teacherId, UUID appealId, String text,
                                        List<Button> buttons) {
        return write(new Row(messageId, teacherId, appealId, ChatMessage.Direction.OUT, text, buttonsJson(buttons),
                null, null));
    }

    /**
     * A message shown for an outbound event, unless one exists for that event; emits whether a row was inserted.
     * Written at once: the caller needs to know.
     */
    public Mono<Boolean> insertOutgoing(UUID outboundId, String teacherId, UUID appealId, String text,
                                        List<Button> buttons) {
        return insert(List.of(new Row(outboundId, teacherId, appealId, ChatMessage.Direction.OUT, text,
                buttonsJson(buttons), outboundId, null))).map(n -> n > 0);
    }

    private static String buttonsJson(List<Button> buttons) {
        return EventCodec.mapper().writeValueAsString(buttons == null ? List.of() : buttons);
    }

    private Mono<Void> write(Row row) {
        return TransactionBuffers.add(this, row, rows -> insert(rows).then(), () -> {
        });
    }

    /** One statement for all rows; unnest keeps the array order, so seq follows the order they were recorded. */
    private Mono<Long> insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        int n = rows.size();
        String[] ids = new String[n];
        String[] teachers = new String[n];
        String[] appeals = new String[n];
        String[] directions = new String[n];
        String[] texts = new String[n];
        String[] buttons = new String[n];
        String[] outbound = new String[n];
        String[] external = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = r.messageId().toString();
            teachers[i] = r.teacherId();
            appeals[i] = r.appealId() == null ? null : r.appealId().toString();
            directions[i] = r.direction().name();
            texts[i] = r.text();
            buttons[i] = r.buttons();
            outbound[i] = r.outboundId() == null ? null : r.outboundId().toString();
            external[i] = r.externalId();
        }
        return db.sql("insert into messages (message_id, teacher_id, appeal_id, direction, text, buttons, outbound_id, "
                        + "external_id) select * from unnest(:ids::uuid[], :teachers::text[], :appeals::uuid[], "
                        + ":directions::text[], :texts::text[], :buttons::text[], :outbound::uuid[], "
                        + ":external::text[]) on conflict (outbound_id) do nothing")
                .bind("ids", ids)
                .bind("teachers", teachers)
                .bind("appeals", appeals)
                .bind("directions", directions)
                .bind("texts", texts)
                .bind("buttons", buttons)
                .bind("outbound", outbound)
                .bind("external", external)
                .fetch().rowsUpdated();
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
