package ru.rosobr.assistant.followup.campaigns.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.followup.campaigns.Audience;
import ru.rosobr.assistant.followup.campaigns.CampaignRow;
import ru.rosobr.assistant.followup.campaigns.CampaignStatus;
import ru.rosobr.assistant.followup.campaigns.RegionProgress;
import ru.rosobr.assistant.contracts.json.EventCodec;

/** Rows of audience, campaigns, campaign_recipients and campaign_regions. */
public class CampaignRepository {

    private static final TypeReference<List<Button>> BUTTONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, title, text, buttons, regions, org_types, channels, teacher_ids, "
            + "rate_per_second, status, scheduled_at, created_by, owner_region, created_at, started_at, finished_at, "
            + "audience_size, enqueued";
    /** The audience filter over {@code audience a} for a stored campaign {@code c}. */
    private static final String CAMPAIGN_AUDIENCE = "a.verified and a.region is not null "
            + "and (cardinality(c.regions) = 0 or a.region = any(c.regions)) "
            + "and (cardinality(c.org_types) = 0 or a.org_type = any(c.org_types)) "
            + "and (cardinality(c.channels) = 0 or a.channel = any(c.channels)) "
            + "and (c.teacher_ids is null or a.teacher_id = any(c.teacher_ids)) ";

    private final DatabaseClient db;

    public CampaignRepository(DatabaseClient db) {
        this.db = db;
    }

    // ---- the audience (projection of teacher.changed) ----

    /**
     * Keeps the latest state of each teacher, in one statement for a run of events; an older event arriving late
     * changes nothing.
     */
    public Mono<Void> upsertAudience(List<TeacherChanged> events) {
        List<TeacherChanged> latest = TeacherChanged.latestPerTeacher(events);
        if (latest.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("insert into audience (teacher_id, channel, region, org_type, verified, changed_at) "
                        + "select * from unnest(:ids::text[], :channels::text[], :regions::text[], :orgTypes::text[], "
                        + ":verified::bool[], :at::timestamptz[]) "
                        + "on conflict (teacher_id) do update set channel = excluded.channel, region = excluded.region, "
                        + "org_type = excluded.org_type, verified = excluded.verified, changed_at = excluded.changed_at "
                        + "where audience.changed_at <= excluded.changed_at")
                .bind("ids", latest.stream().map(TeacherChanged::teacherId).toArray(String[]::new))
                .bind("channels", latest.stream().map(e -> e.channel().name()).toArray(String[]::new))
                .bind("regions", latest.stream().map(TeacherChanged::region).toArray(String[]::new))
                .bind("orgTypes", latest.stream().map(e -> e.orgType() == null ? null : e.orgType().name())
                        .toArray(String[]::new))
                .bind("verified", latest.stream().map(TeacherChanged::verified).toArray(Boolean[]::new))
                .bind("at", latest.stream().map(TeacherChanged::occurredAt).toArray(Instant[]::new))
                .then();
    }

    /** How many teachers the audience has now, per region. */
    public Flux<RegionCount> audienceByRegion(Audience audience) {
        var spec = db.sql("select a.region, count(*) as n from audience a, (select :regions::text[] as regions, "
                        + ":orgTypes::text[] as org_types, :channels::text[] as channels, "
                        + "case when :useList then :teacherIds::text[] end as teacher_ids) c "
                        + "where " + CAMPAIGN_AUDIENCE + "group by a.region order by a.region")
                .bind("regions", audience.regions().toArray(String[]::new))
                .bind("orgTypes", audience.orgTypes().toArray(String[]::new))
                .bind("channels", audience.channels().toArray(String[]::new))
                .bind("useList", audience.teacherIds() != null)
                .bind("teacherIds", audience.teacherIds() == null ? new String[0]
                        : audience.teacherIds().toArray(String[]::new));
        return spec.map(r -> new RegionCount(r.get("region", String.class), longOf(r, "n"))).all();
    }

    public record RegionCount(String region, long count) {
    }

    // ---- campaigns ----

    public Mono<Void> insert(CampaignRow c) {
        var spec = db.sql("insert into campaigns (id, title, text, buttons, regions, org_types, channels, teacher_ids, "
                        + "rate_per_second, status, scheduled_at, created_by, owner_region, created_at, audience_size) "
                        + "values (:id, :title, :text, :buttons, :regions, :orgTypes, :channels, :teacherIds, :rate, "
                        + ":status, :scheduledAt, :createdBy, :ownerRegion, :createdAt, :size)")
                .bind("id", c.id())
                .bind("title", c.title())
                .bind("text", c.text())
                .bind("buttons", EventCodec.mapper().writeValueAsString(c.buttons()))
                .bind("regions", c.audience().regions().toArray(String[]::new))
                .bind("orgTypes", c.audience().orgTypes().toArray(String[]::new))
                .bind("channels", c.audience().channels().toArray(String[]::new))
                .bind("rate", c.ratePerSecond())
                .bind("status", c.status().name())
                .bind("createdBy", c.createdBy())
                .bind("createdAt", c.createdAt())
                .bind("size", c.audienceSize());
        spec = c.audience().teacherIds() == null ? spec.bindNull("teacherIds", String[].class)
                : spec.bind("teacherIds", c.audience().teacherIds().toArray(String[]::new));
        spec = c.scheduledAt() == null ? spec.bindNull("scheduledAt", Instant.class)
                : spec.bind("scheduledAt", c.scheduledAt());
        spec = c.ownerRegion() == null ? spec.bindNull("ownerRegion", String.class)
                : spec.bind("ownerRegion", c.ownerRegion());
        return spec.then();
    }

    public Mono<CampaignRow> find(UUID id) {
        return db.sql("select " + COLUMNS + " from campaigns where id = :id").bind("id", id)
                .map(CampaignRepository::campaign).one();
    }

    /** Newest first; {@code region} non-null: only the campaigns of that one region. */
    public Flux<CampaignRow> list(String region, int limit) {
        String where = region == null ? "" : "where regions = array[:region]::text[] ";
        var spec = db.sql("select " + COLUMNS + " from campaigns " + where + "order by created_at desc limit :limit")
                .bind("limit", limit);
        if (region != null) {
            spec = spec.bind("region", region);
        }
        return spec.map(CampaignRepository::campaign).all();
    }

    public Flux<RegionProgress> progress(UUID id) {
        return db.sql("select region, total, sent, delivered, failed, read, readable from campaign_regions "
                        + "where campaign_id = :id order by region")
                .bind("id", id)
                .map(r -> new RegionProgress(r.get("region", String.class), longOf(r, "total"), longOf(r, "sent"),
                        longOf(r, "delivered"), longOf(r, "failed"), longOf(r, "read"), longOf(r, "readable")))
                .all();
    }

    public record Failure(String reason, long count) {
    }

    public Flux<Failure> failures(UUID id) {
        return db.sql("select coalesce(reason, '—') as reason, count(*) as n from campaign_recipients "
                        + "where campaign_id = :id and status = 'FAILED' group by 1 order by 2 desc limit 20")
                .bind("id", id)
                .map(r -> new Failure(r.get("reason", String.class), longOf(r, "n")))
                .all();
    }

    /**
     * Moves the campaign from one of {@code from} to {@code to} (a started campaign's throttle starts at
     * {@code now}, database time, so it does not send a burst); emits false when it was in another status.
     */
    public Mono<Boolean> transition(UUID id, List<CampaignStatus> from, CampaignStatus to, Instant now,
                                    Long audienceSize) {
        String extra = switch (to) {
            case RUNNING -> ", started_at = coalesce(started_at, :now), tokens_at = clock_timestamp()"
                    + (audienceSize == null ? "" : ", audience_size = :size");
            case DONE, CANCELLED -> ", finished_at = :now";
            default -> "";
        };
        var spec = db.sql("update campaigns set status = :to, updated_at = now()" + extra
                        + " where id = :id and status = any(:from)")
                .bind("id", id)
                .bind("to", to.name())
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new));
        if (extra.contains(":now")) {
            spec = spec.bind("now", now);
        }
        if (extra.contains(":size")) {
            spec = spec.bind("size", audienceSize);
        }
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    // ---- the dispatcher's side ----

    /** Scheduled campaigns whose time has come; emits their ids. */
    public Flux<UUID> dueScheduled(Instant now) {
        return db.sql("select id from campaigns where status = 'DRAFT' and scheduled_at <= :now")
                .bind("now", now).map(r -> r.get("id", UUID.class)).all();
    }

    public Flux<UUID> running() {
        return db.sql("select id from campaigns where status = 'RUNNING' order by created_at")
                .map(r -> r.get("id", UUID.class)).all();
    }

    /** A running campaign locked for this transaction, with its throttle state; empty when another holds it. */
    public record Locked(UUID id, String text, List<Button> buttons, int ratePerSecond, boolean enqueued,
                         Instant tokensAt, Instant dbNow) {
    }

    public Mono<Locked> lockRunning(UUID id) {
        return db.sql("select id, text, buttons, rate_per_second, enqueued, tokens_at, clock_timestamp() as db_now "
                        + "from campaigns where id = :id and status = 'RUNNING' for update skip locked")
                .bind("id", id)
                .map(r -> new Locked(r.get("id", UUID.class), r.get("text", String.class),
                        EventCodec.mapper().readValue(r.get("buttons", String.class), BUTTONS),
                        intOf(r, "rate_per_second"), Boolean.TRUE.equals(r.get("enqueued", Boolean.class)),
                        r.get("tokens_at", Instant.class), r.get("db_now", Instant.class)))
                .one();
    }

    /**
     * Copies the next chunk of the audience (in teacher id order, after the last one copied) into the campaign,
     * with the per-region totals; emits whether the whole audience is in now. Memory stays bounded: the rows go
     * from table to table inside PostgreSQL, and the copy resumes after a crash where the last commit left it.
     */
    public Mono<Boolean> enqueueChunk(UUID id, int chunk) {
        // the next chunk of teacher ids is a plain range scan of the primary key (filters apply afterwards):
        // each chunk costs the same, however far the copy has got
        return db.sql("with c as (select * from campaigns where id = :id), "
                        + "scan as (select teacher_id, channel, region, org_type, verified from audience "
                        + "  where teacher_id > (select coalesce(enqueue_after, '') from campaigns where id = :id) "
                        + "  order by teacher_id limit :chunk), "
                        + "pick as (select a.teacher_id, a.region from scan a, c where " + CAMPAIGN_AUDIENCE + "), "
                        + "ins as (insert into campaign_recipients (campaign_id, teacher_id, region, message_id) "
                        + "  select :id, teacher_id, region, gen_random_uuid() from pick on conflict do nothing "
                        + "  returning region), "
                        + "agg as (insert into campaign_regions (campaign_id, region, total) "
                        + "  select :id, region, count(*) from ins group by region order by region "
                        + "  on conflict (campaign_id, region) do update set total = campaign_regions.total + excluded.total "
                        + "  returning 1) "
                        + "update campaigns set enqueue_after = coalesce((select max(teacher_id) from scan), enqueue_after), "
                        + "enqueued = (select count(*) from scan) < :chunk, updated_at = now() where id = :id "
                        + "returning enqueued, (select count(*) from agg) as regions")
                .bind("id", id)
                .bind("chunk", chunk)
                .map(r -> Boolean.TRUE.equals(r.get("enqueued", Boolean.class)))
                .one()
                // the whole audience is in: the planner learns how many rows a campaign has before it sends them (with
                // the statistics of an empty table it scans every queued row of the campaign to mark a few sent)
                .flatMap(done -> done ? db.sql("analyze campaign_recipients").then().thenReturn(true)
                        : Mono.just(false));
    }

    public record Recipient(String teacherId, String region, UUID messageId) {
    }

    /** Up to {@code limit} queued recipients of the given regions, taken region by region in the given order. */
    public Flux<Recipient> pick(UUID id, List<String> regions, int limit) {
        return db.sql("select r.teacher_id, r.region, r.message_id from unnest(:regions::text[]) as o(region) "
                        + "cross join lateral (select teacher_id, region, message_id from campaign_recipients "
                        + "  where campaign_id = :id and status = 'QUEUED' and region = o.region "
                        + "  order by teacher_id limit :limit) r limit :limit")
                .bind("id", id)
                .bind("regions", regions.toArray(String[]::new))
                .bind("limit", limit)
                .map(r -> new Recipient(r.get("teacher_id", String.class), r.get("region", String.class),
                        r.get("message_id", UUID.class)))
                .all();
    }

    /** The recipients were handed to delivery (their messages are in the outbox of the same transaction). */
    public Mono<Void> markSent(UUID id, List<Recipient> sent) {
        String[] teachers = sent.stream().map(Recipient::teacherId).toArray(String[]::new);
        String[] regions = sent.stream().map(Recipient::region).toArray(String[]::new);
        // joined to the keys, not "teacher_id = any(:teachers)": under a generic plan that filter is tested element by
        // element against every queued row of the campaign (10 s a transaction at 300,000 recipients)
        return db.sql("update campaign_recipients r set status = 'SENT', sent_at = clock_timestamp() "
                        + "from unnest(:teachers::text[]) as u(teacher_id) "
                        + "where r.campaign_id = :id and r.teacher_id = u.teacher_id and r.status = 'QUEUED'")
                .bind("id", id).bind("teachers", teachers).then()
                // in region order, as every writer of the counters: no lock cycle with the outcome consumers
                .then(db.sql("insert into campaign_regions (campaign_id, region, sent) "
                                + "select :id, region, count(*) from unnest(:regions::text[]) as u(region) "
                                + "group by region order by region "
                                + "on conflict (campaign_id, region) do update set sent = campaign_regions.sent + excluded.sent")
                        .bind("id", id).bind("regions", regions).then());
    }

    public Mono<Void> setTokensAt(UUID id, Instant tokensAt) {
        return db.sql("update campaigns set tokens_at = :t where id = :id").bind("id", id).bind("t", tokensAt).then();
    }

    /** Marks a fully enqueued campaign with nothing left queued as DONE; emits true when it did. */
    public Mono<Boolean> finishIfDone(UUID id, Instant now) {
        return db.sql("update campaigns set status = 'DONE', finished_at = :now, updated_at = now() "
                        + "where id = :id and status = 'RUNNING' and enqueued and not exists "
                        + "(select 1 from campaign_recipients where campaign_id = :id and status = 'QUEUED')")
                .bind("id", id).bind("now", now)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    // ---- what delivery reported ----

    /** A campaign message's outcome as delivery reported it (the last word of a run of reports about it). */
    public record Outcome(UUID messageId, String status, String reason, boolean readable) {
    }

    /**
     * Records a run of outcomes (DELIVERED, or FAILED with the reason) in one statement: the recipients still SENT
     * or FAILED change, and their regions' counters move by what changed — a retry that failed again counts once, a
     * delivery after a failure moves one from failed to delivered, a message delivered already is left alone. The
     * counters are written in (campaign, region) order, as every other writer of them does: two consumer threads and
     * the dispatcher never wait on each other in a cycle.
     */
    public Mono<Void> recordOutcomes(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("with x as (select * from unnest(:ids::uuid[], :statuses::text[], :reasons::text[], "
                        + "  :readable::boolean[]) as x(message_id, status, reason, readable)), "
                        + "old as (select r.campaign_id, r.teacher_id, r.region, r.status as before, x.status as after, "
                        + "  x.reason, x.readable from campaign_recipients r join x using (message_id) "
                        + "  where r.status in ('SENT', 'FAILED') order by r.campaign_id, r.teacher_id for update of r), "
                        + "upd as (update campaign_recipients r set status = old.after, reason = old.reason from old "
                        + "  where r.campaign_id = old.campaign_id and r.teacher_id = old.teacher_id "
                        + "  returning old.campaign_id, old.region, old.before, old.after, old.readable), "
                        + "agg as (select campaign_id, region, "
                        + "  count(*) filter (where after = 'DELIVERED') as d, "
                        + "  count(*) filter (where after = 'FAILED' and before <> 'FAILED') "
                        + "    - count(*) filter (where after = 'DELIVERED' and before = 'FAILED') as f, "
                        + "  count(*) filter (where after = 'DELIVERED' and readable) as rd "
                        + "  from upd group by campaign_id, region) "
                        + "insert into campaign_regions (campaign_id, region, delivered, failed, readable) "
                        + "select campaign_id, region, d, f, rd from agg where d <> 0 or f <> 0 "
                        + "order by campaign_id, region "
                        + "on conflict (campaign_id, region) do update set delivered = campaign_regions.delivered "
                        + "+ excluded.delivered, failed = campaign_regions.failed + excluded.failed, "
                        + "readable = campaign_regions.readable + excluded.readable")
                .bind("ids", outcomes.stream().map(Outcome::messageId).toArray(UUID[]::new))
                .bind("statuses", outcomes.stream().map(Outcome::status).toArray(String[]::new))
                .bind("reasons", outcomes.stream().map(Outcome::reason).toArray(String[]::new))
                .bind("readable", outcomes.stream().map(Outcome::readable).toArray(Boolean[]::new))
                .then();
    }

    /**
     * Reported reads of delivered campaign messages, in one statement: each recipient is marked read once and its
     * region counts it; messages that are not a campaign's, not delivered, or read already count nothing.
     */
    public Mono<Void> recordReads(List<UUID> messageIds, List<Instant> at) {
        if (messageIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("with x as (select * from unnest(:ids::uuid[], :at::timestamptz[]) as x(message_id, at)), "
                        + "r as (update campaign_recipients c set read_at = x.at from x "
                        + "  where c.message_id = x.message_id and c.status = 'DELIVERED' and c.read_at is null "
                        + "  returning c.campaign_id, c.region), "
                        + "agg as (select campaign_id, region, count(*) as n from r group by campaign_id, region) "
                        + "insert into campaign_regions (campaign_id, region, read) "
                        + "select campaign_id, region, n from agg order by campaign_id, region "
                        + "on conflict (campaign_id, region) do update set read = campaign_regions.read + excluded.read")
                .bind("ids", messageIds.toArray(UUID[]::new))
                .bind("at", at.toArray(Instant[]::new))
                .then();
    }

    private static CampaignRow campaign(Readable r) {
        String[] teacherIds = r.get("teacher_ids", String[].class);
        return new CampaignRow(r.get("id", UUID.class), r.get("title", String.class), r.get("text", String.class),
                EventCodec.mapper().readValue(r.get("buttons", String.class), BUTTONS),
                new Audience(list(r.get("regions", String[].class)), list(r.get("org_types", String[].class)),
                        list(r.get("channels", String[].class)), teacherIds == null ? null : Arrays.asList(teacherIds)),
                intOf(r, "rate_per_second"), CampaignStatus.valueOf(r.get("status", String.class)),
                r.get("scheduled_at", Instant.class), r.get("created_by", String.class),
                r.get("owner_region", String.class), r.get("created_at", Instant.class),
                r.get("started_at", Instant.class), r.get("finished_at", Instant.class), longOf(r, "audience_size"),
                Boolean.TRUE.equals(r.get("enqueued", Boolean.class)));
    }

    private static List<String> list(String[] a) {
        return a == null ? List.of() : List.of(a);
    }

    private static int intOf(Readable r, String column) {
        Integer v = r.get(column, Integer.class);
        return v == null ? 0 : v;
    }

    private static long longOf(Readable r, String column) {
        Long v = r.get(column, Long.class);
        return v == null ? 0 : v;
    }
}
