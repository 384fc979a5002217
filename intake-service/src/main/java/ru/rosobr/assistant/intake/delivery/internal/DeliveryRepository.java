package ru.rosobr.assistant.intake.delivery.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.intake.delivery.Deliveries;
import ru.rosobr.assistant.intake.delivery.DeliveryResult;
import ru.rosobr.assistant.intake.delivery.DeliveryView;
import ru.rosobr.assistant.intake.delivery.PendingDelivery;
import ru.rosobr.assistant.contracts.json.EventCodec;

/** Rows of the outbound_deliveries table. */
public class DeliveryRepository {

    private static final TypeReference<List<Button>> BUTTONS = new TypeReference<>() {
    };

    private final DatabaseClient db;

    public DeliveryRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Outbound messages with their first outcomes, in one insert; emits the ids that were not registered before. */
    public Mono<java.util.Set<UUID>> insert(List<Deliveries.Registration> registrations) {
        int n = registrations.size();
        String[][] c = new String[12][n];
        for (int i = 0; i < n; i++) {
            Deliveries.Registration r = registrations.get(i);
            OutboundMessage m = r.message();
            DeliveryResult result = r.result();
            c[0][i] = m.eventId().toString();
            c[1][i] = m.teacherId();
            c[2][i] = m.appealId() == null ? null : m.appealId().toString();
            c[3][i] = r.channel() == null ? null : r.channel().name();
            c[4][i] = m.kind().name();
            c[5][i] = String.valueOf(m.urgent());
            c[6][i] = m.text();
            c[7][i] = EventCodec.mapper().writeValueAsString(m.buttons());
            c[8][i] = result.status().name();
            c[9][i] = result.reason();
            c[10][i] = String.valueOf(result.attempts());
            c[11][i] = result.notBefore() == null ? null : result.notBefore().toString();
        }
        return db.sql("insert into outbound_deliveries (message_id, teacher_id, appeal_id, channel, kind, urgent, "
                        + "text, buttons, status, reason, attempts, not_before) select * from unnest(:c0::uuid[], "
                        + ":c1::text[], :c2::uuid[], :c3::text[], :c4::text[], :c5::boolean[], :c6::text[], :c7::text[], "
                        + ":c8::text[], :c9::text[], :c10::int[], :c11::timestamptz[]) on conflict do nothing "
                        + "returning message_id")
                .bind("c0", c[0]).bind("c1", c[1]).bind("c2", c[2]).bind("c3", c[3]).bind("c4", c[4])
                .bind("c5", c[5]).bind("c6", c[6]).bind("c7", c[7]).bind("c8", c[8]).bind("c9", c[9])
                .bind("c10", c[10]).bind("c11", c[11])
                .map(r -> r.get("message_id", UUID.class))
                .all()
                .collect(java.util.HashSet::new, java.util.Set::add);
    }

    /** Intake's own reply in a dialogue, queued for the worker. */
    /** A reply of intake's own to queue (see {@link #insertReplies}). */
    public record Reply(UUID messageId, String teacherId, UUID appealId, Channel channel, String kind, String text,
                        List<Button> buttons, String callbackId, Instant notBefore) {
    }

    /** Queues replies, urgent and pending, in one statement; unnest keeps their order in {@code seq}. */
    public Mono<Void> insertReplies(List<Reply> replies) {
        if (replies.isEmpty()) {
            return Mono.empty();
        }
        int n = replies.size();
        String[] ids = new String[n];
        String[] teachers = new String[n];
        String[] appeals = new String[n];
        String[] channels = new String[n];
        String[] kinds = new String[n];
        String[] texts = new String[n];
        String[] buttons = new String[n];
        String[] callbacks = new String[n];
        Instant[] notBefore = new Instant[n];
        for (int i = 0; i < n; i++) {
            Reply r = replies.get(i);
            ids[i] = r.messageId().toString();
            teachers[i] = r.teacherId();
            appeals[i] = r.appealId() == null ? null : r.appealId().toString();
            channels[i] = r.channel().name();
            kinds[i] = r.kind();
            texts[i] = r.text();
            buttons[i] = EventCodec.mapper().writeValueAsString(r.buttons() == null ? List.of() : r.buttons());
            callbacks[i] = r.callbackId();
            notBefore[i] = r.notBefore();
        }
        return db.sql("insert into outbound_deliveries (message_id, teacher_id, appeal_id, channel, kind, urgent, "
                        + "text, buttons, status, origin, callback_id, not_before) "
                        + "select id, teacher, appeal, channel, kind, true, text, buttons, 'PENDING', 'REPLY', callback, "
                        + "not_before from unnest(:ids::uuid[], :teachers::text[], :appeals::uuid[], "
                        + ":channels::text[], :kinds::text[], :texts::text[], :buttons::text[], :callbacks::text[], "
                        + ":notBefore::timestamptz[]) as r(id, teacher, appeal, channel, kind, text, buttons, callback, "
                        + "not_before)")
                .bind("ids", ids)
                .bind("teachers", teachers)
                .bind("appeals", appeals)
                .bind("channels", channels)
                .bind("kinds", kinds)
                .bind("texts", texts)
                .bind("buttons", buttons)
                .bind("callbacks", callbacks)
                .bind("notBefore", notBefore)
                .then();
    }

    /**
     * Claims messages due at {@code now} on the given channels for this worker until {@code leaseUntil} (rows
     * locked by another worker are skipped), oldest due first: up to {@code batch} urgent ones (answers, statuses,
     * replies) and at most {@code bulk} non-urgent ones (campaigns, reminders). Answers to teachers go first: a
     * round carries only a few bulk messages, so an answer queued behind a running campaign waits one short round
     * at most, and it takes its platform permit before the bulk messages of its round.
     */
    public Flux<PendingDelivery> claimDue(Instant now, List<Channel> channels, int batch, int bulk,
                                          Instant leaseUntil) {
        String[] names = channels.stream().map(Enum::name).toArray(String[]::new);
        String due = "status in ('PENDING', 'HELD', 'FAILED') and not_before is not null "
                + "  and not_before <= :now and channel = any(:channels) "
                + "  and (locked_until is null or locked_until < :now) ";
        return db.sql("with urgent as (select message_id from outbound_deliveries where urgent and " + due
                        + "  order by not_before, seq limit :batch for update skip locked), "
                        + "bulk as (select message_id from outbound_deliveries where not urgent and " + due
                        + "  order by not_before, seq limit :bulk for update skip locked) "
                        + "update outbound_deliveries d set locked_until = :lease from teachers t "
                        + "where d.message_id in (select message_id from urgent union all "
                        + "  select message_id from bulk) "
                        + "and t.teacher_id = d.teacher_id "
                        + "returning d.message_id, d.teacher_id, d.appeal_id, d.channel, t.platform_user_id, d.kind, "
                        + "d.origin, d.text, d.buttons, d.callback_id, d.status, d.attempts, d.parts_sent, "
                        + "d.failed_rounds, d.created_at, d.first_failed_at, d.seq, d.urgent, t.region, "
                        + "d.part_in_flight, d.part_in_flight_at, t.platform_dialog_id")
                .bind("lease", leaseUntil)
                .bind("now", now)
                .bind("channels", names)
                .bind("batch", batch)
                .bind("bulk", bulk)
                .map(r -> new Claimed(Boolean.TRUE.equals(r.get("urgent", Boolean.class)), r.get("seq", Long.class),
                        pending(r)))
                .all()
                // the claim returns rows in no particular order: urgent first, a teacher's messages in queue order
                .sort(java.util.Comparator.comparing(Claimed::urgent).reversed().thenComparing(Claimed::seq))
                .map(Claimed::delivery);
    }

    private record Claimed(boolean urgent, long seq, PendingDelivery delivery) {
    }

    /** A part whose request goes out now, of message {@code messageId}. */
    public record PartMark(UUID messageId, int part) {
    }

    /**
     * Marks the parts whose requests go out now, in one statement (committed before they do); the time bounds where
     * a later look-up of a part in the dialogue searches.
     */
    public Mono<Void> partsInFlight(List<PartMark> marks) {
        String[] ids = marks.stream().map(m -> m.messageId().toString()).toArray(String[]::new);
        Integer[] parts = marks.stream().map(PartMark::part).toArray(Integer[]::new);
        return db.sql("update outbound_deliveries d set part_in_flight = v.part, part_in_flight_at = now() "
                        + "from unnest(:ids::uuid[], :parts::int[]) as v(id, part) where d.message_id = v.id")
                .bind("ids", ids).bind("parts", parts).then();
    }

    public Mono<Void> partSent(UUID messageId, int partsSent, String platformMessageId) {
        var spec = db.sql("update outbound_deliveries set parts_sent = :parts, part_in_flight = null, "
                        + "platform_message_id = coalesce(:pid, platform_message_id), updated_at = now() "
                        + "where message_id = :id")
                .bind("id", messageId).bind("parts", partsSent);
        return (platformMessageId == null ? spec.bindNull("pid", String.class) : spec.bind("pid", platformMessageId))
                .then();
    }

    /** A campaign message marked read by a platform report. */
    public record ReadMessage(UUID messageId, String teacherId, UUID appealId, String region) {
    }

    /**
     * The teacher (by channel and platform user id) read the dialogue up to the platform's message id {@code upTo}:
     * their delivered campaign messages up to it, not read before, are marked read now — each once.
     */
    public Flux<ReadMessage> markCampaignRead(Channel channel, String platformUserId, long upTo, Instant now) {
        return db.sql("update outbound_deliveries d set read_at = :now from teachers t "
                        + "where t.channel = :channel and t.platform_user_id = :user and d.teacher_id = t.teacher_id "
                        + "and d.kind = 'CAMPAIGN' and d.status = 'DELIVERED' and d.read_at is null "
                        + "and d.platform_message_id is not null and d.platform_message_id ~ '^[0-9]{1,18}$' "
                        + "and d.platform_message_id::bigint <= :upTo "
                        + "returning d.message_id, d.teacher_id, d.appeal_id, t.region")
                .bind("now", now).bind("channel", channel.name()).bind("user", platformUserId).bind("upTo", upTo)
                .map(r -> new ReadMessage(r.get("message_id", UUID.class), r.get("teacher_id", String.class),
                        r.get("appeal_id", UUID.class), r.get("region", String.class)))
                .all();
    }

    /**
     * Messages the platform took, in one statement: every part counts as sent (the last part's own mark is this row),
     * the part in flight is settled.
     */
    public Mono<Void> delivered(List<UUID> messageIds, List<Integer> attempts, List<Integer> parts,
                                List<String> platformMessageIds, Instant now) {
        return db.sql("update outbound_deliveries d set status = 'DELIVERED', reason = null, attempts = x.attempts, "
                        + "parts_sent = greatest(d.parts_sent, x.parts), part_in_flight = null, not_before = null, "
                        + "platform_message_id = coalesce(x.pid, d.platform_message_id), "
                        + "locked_until = null, delivered_at = :now, updated_at = now() "
                        + "from unnest(:ids::uuid[], :attempts::int[], :parts::int[], :pids::text[]) "
                        + "as x(id, attempts, parts, pid) "
                        + "where d.message_id = x.id")
                .bind("ids", messageIds.toArray(UUID[]::new))
                .bind("attempts", attempts.toArray(Integer[]::new))
                .bind("parts", parts.toArray(Integer[]::new))
                .bind("pids", platformMessageIds.toArray(String[]::new))
                .bind("now", now)
                .then();
    }

    /** A non-urgent message claimed outside the teacher's daytime: back to HELD until {@code notBefore}. */
    public Mono<Void> held(UUID messageId, String reason, Instant notBefore) {
        return db.sql("update outbound_deliveries set status = 'HELD', reason = :reason, not_before = :notBefore, "
                        + "locked_until = null, updated_at = now() where message_id = :id")
                .bind("id", messageId).bind("reason", reason).bind("notBefore", notBefore).then();
    }

    /**
     * A failed round: kept as FAILED with the reason; {@code retryAt} null means it is not tried again.
     * {@code stillInDoubt}: the round could not find out whether the part in flight was shown (the look-up in the
     * dialogue failed), so the mark stays and the next round looks again instead of sending it blindly.
     */
    public Mono<Void> failed(UUID messageId, int attempts, int failedRounds, String reason, Instant firstFailedAt,
                             Instant retryAt, boolean stillInDoubt) {
        // otherwise the worker saw how the request ended (an answer, a timeout it retries by design, or a part in
        // doubt that it gives up): nothing is in flight any more
        var spec = db.sql("update outbound_deliveries set status = 'FAILED', reason = :reason, attempts = :attempts, "
                        + "failed_rounds = :rounds, first_failed_at = :first, not_before = :retryAt, "
                        + "part_in_flight = case when :keep then part_in_flight end, locked_until = null, "
                        + "updated_at = now() where message_id = :id")
                .bind("id", messageId)
                .bind("keep", stillInDoubt)
                .bind("reason", reason)
                .bind("attempts", attempts)
                .bind("rounds", failedRounds)
                .bind("first", firstFailedAt);
        spec = retryAt == null ? spec.bindNull("retryAt", Instant.class) : spec.bind("retryAt", retryAt);
        return spec.then();
    }

    /** Puts a given-up message back in the queue (admin). Emits false when there is no such failed message. */
    public Mono<Boolean> requeue(UUID messageId, Instant now) {
        return db.sql("update outbound_deliveries set status = 'PENDING', not_before = :now, failed_rounds = 0, "
                        + "first_failed_at = null, part_in_flight = null, locked_until = null, updated_at = now() "
                        + "where message_id = :id and status = 'FAILED' and channel is not null "
                        + "and channel <> 'WEBCHAT' and callback_id is null")
                .bind("id", messageId).bind("now", now)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Flux<DeliveryView> list(String status, String channel, int limit) {
        StringBuilder sql = new StringBuilder("select message_id, teacher_id, appeal_id, channel, kind, origin, urgent, "
                + "status, reason, attempts, not_before, created_at, updated_at, delivered_at, text "
                + "from outbound_deliveries where true");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (channel != null) {
            sql.append(" and channel = :channel");
        }
        sql.append(" order by updated_at desc limit :limit");
        var spec = db.sql(sql.toString()).bind("limit", limit);
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (channel != null) {
            spec = spec.bind("channel", channel);
        }
        return spec.map(r -> new DeliveryView(r.get("message_id", UUID.class), r.get("teacher_id", String.class),
                r.get("appeal_id", UUID.class), r.get("channel", String.class), r.get("kind", String.class),
                r.get("origin", String.class), Boolean.TRUE.equals(r.get("urgent", Boolean.class)),
                r.get("status", String.class), r.get("reason", String.class), intOf(r, "attempts"),
                r.get("not_before", Instant.class), r.get("created_at", Instant.class),
                r.get("updated_at", Instant.class), r.get("delivered_at", Instant.class),
                r.get("text", String.class))).all();
    }

    private static int intOf(Readable r, String column) {
        Integer v = r.get(column, Integer.class);
        return v == null ? 0 : v;
    }

    private static PendingDelivery pending(Readable r) {
        return new PendingDelivery(r.get("message_id", UUID.class), r.get("teacher_id", String.class),
                r.get("appeal_id", UUID.class), Channel.valueOf(r.get("channel", String.class)),
                r.get("platform_user_id", String.class), r.get("kind", String.class), r.get("origin", String.class),
                r.get("text", String.class), EventCodec.mapper().readValue(r.get("buttons", String.class), BUTTONS),
                r.get("callback_id", String.class), r.get("status", String.class), intOf(r, "attempts"),
                intOf(r, "parts_sent"), intOf(r, "failed_rounds"), r.get("created_at", Instant.class),
                r.get("first_failed_at", Instant.class), !Boolean.FALSE.equals(r.get("urgent", Boolean.class)),
                r.get("region", String.class), r.get("part_in_flight", Integer.class),
                r.get("part_in_flight_at", Instant.class), r.get("platform_dialog_id", String.class));
    }
}
