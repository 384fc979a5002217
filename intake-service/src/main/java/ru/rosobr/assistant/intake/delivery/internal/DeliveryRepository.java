package ru.rosobr.assistant.intake.delivery.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.intake.delivery.DeliveryResult;
import ru.rosobr.assistant.platform.json.EventCodec;

/** Rows of the outbound_deliveries table. */
public class DeliveryRepository {

    private final DatabaseClient db;

    public DeliveryRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> insertPending(OutboundMessage m) {
        var spec = db.sql("insert into outbound_deliveries (message_id, teacher_id, appeal_id, kind, urgent, text, "
                        + "buttons, status) values (:id, :teacher, :appeal, :kind, :urgent, :text, :buttons, 'PENDING') "
                        + "on conflict do nothing")
                .bind("id", m.eventId())
                .bind("teacher", m.teacherId())
                .bind("kind", m.kind().name())
                .bind("urgent", m.urgent())
                .bind("text", m.text())
                .bind("buttons", EventCodec.mapper().writeValueAsString(m.buttons()));
        spec = m.appealId() == null ? spec.bindNull("appeal", UUID.class) : spec.bind("appeal", m.appealId());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Void> update(UUID messageId, Channel channel, DeliveryResult result) {
        var spec = db.sql("update outbound_deliveries set channel = :channel, status = :status, reason = :reason, "
                        + "attempts = :attempts, not_before = :notBefore, updated_at = now() where message_id = :id")
                .bind("id", messageId)
                .bind("status", result.status().name())
                .bind("attempts", result.attempts());
        spec = channel == null ? spec.bindNull("channel", String.class) : spec.bind("channel", channel.name());
        spec = result.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", result.reason());
        spec = result.notBefore() == null ? spec.bindNull("notBefore", Instant.class)
                : spec.bind("notBefore", result.notBefore());
        return spec.then();
    }
}
