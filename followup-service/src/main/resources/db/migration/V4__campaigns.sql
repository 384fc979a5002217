-- Campaigns: one message to many teachers, sent at a set rate within each teacher's 08:00–19:00, resumable after a
-- crash and never twice to the same teacher.

-- The teacher registry as campaigns see it: intake-service announces every change on teacher.changed; the latest
-- one (by occurredAt) wins. Only what an audience is chosen by — no names, no platform ids.
create table audience (
    teacher_id text        primary key,
    channel    text        not null,                  -- MAX | VK | WEBCHAT
    region     text,                                  -- null until the teacher's region is known
    org_type   text,                                  -- SCHOOL | SPO | DOO
    verified   boolean     not null,
    changed_at timestamptz not null
);
create index audience_pick on audience (teacher_id) include (region, org_type, channel) where verified;

create table campaigns (
    id              uuid        primary key,
    title           text        not null,
    text            text        not null,
    buttons         text        not null default '[]',   -- JSON [{"text","payload"}]
    regions         text[]      not null,                -- empty: every region
    org_types       text[]      not null,                -- empty: every type
    channels        text[]      not null,                -- empty: every channel
    teacher_ids     text[],                              -- an uploaded list: only these teachers
    rate_per_second int         not null,
    status          text        not null,                -- DRAFT | RUNNING | PAUSED | DONE | CANCELLED
    scheduled_at    timestamptz,                         -- a DRAFT with a time starts by itself then
    created_by      text        not null,
    owner_region    text,                                -- set when a regional head created it
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    audience_size   bigint      not null default 0,      -- the audience when it was started (or created)
    enqueued        boolean     not null default false,  -- the whole audience is in campaign_recipients
    enqueue_after   text,                                -- the last teacher id copied (the copy resumes after it)
    tokens_at       timestamptz,                         -- throttle: the budget accrued since then (database time)
    updated_at      timestamptz not null default now()
);
create index campaigns_by_status on campaigns (status, created_at desc);

-- One row per teacher of a campaign: the primary key is what makes a second message to the same teacher
-- impossible; message_id is the OutboundMessage event id (intake de-duplicates by it as well).
create table campaign_recipients (
    campaign_id uuid        not null references campaigns (id),
    teacher_id  text        not null,
    region      text        not null,
    message_id  uuid        not null unique,
    status      text        not null default 'QUEUED',   -- QUEUED | SENT | DELIVERED | FAILED | CANCELLED
    reason      text,                                    -- why FAILED (from outbound.delivery)
    sent_at     timestamptz,                             -- database time when it was handed to delivery
    primary key (campaign_id, teacher_id)
);
create index campaign_recipients_queued on campaign_recipients (campaign_id, region, teacher_id)
    where status = 'QUEUED';
create index campaign_recipients_failed on campaign_recipients (campaign_id, reason) where status = 'FAILED';

-- Counters per campaign and region, kept in the transactions that change the recipients: progress and the
-- per-region table are read without counting a million rows.
create table campaign_regions (
    campaign_id uuid   not null references campaigns (id),
    region      text   not null,
    total       bigint not null default 0,
    sent        bigint not null default 0,
    delivered   bigint not null default 0,
    failed      bigint not null default 0,
    read        bigint not null default 0,
    cancelled   bigint not null default 0,
    primary key (campaign_id, region)
);
