-- How each rated appeal's latest rating is spread over 1..5 (the average alone hides a split audience).
alter table region_day_stats
    add column rating_1 bigint not null default 0,
    add column rating_2 bigint not null default 0,
    add column rating_3 bigint not null default 0,
    add column rating_4 bigint not null default 0,
    add column rating_5 bigint not null default 0;

-- Times to answer as histograms: counts per (region, day of the answer, kind, bucket). Bucket counts add up over
-- days and regions, so a median or p90 of any period and any set of regions is computed from the sums; the bucket
-- bounds are fixed in code (Latency), so changing them needs a rebuild.
create table latency_day_buckets (
    region text   not null,
    day    date   not null,
    kind   text   not null,   -- FIRST: received → first answer (AI or specialist); SPECIALIST: received → first specialist reply
    bucket int    not null,
    n      bigint not null default 0,
    primary key (region, day, kind, bucket)
);

-- What is known of each appeal, one column per fact, each set by the one event that carries it. Events of one appeal
-- come on different topics, and a replay from offset 0 reads the topics in any order: derived figures (times to
-- answer, per-topic statistics) are computed from these facts, never from the order the events came in.
create table appeal_facts (
    appeal_id        uuid        primary key,
    region           text        not null,
    topic            text,           -- KB topic: of the AI answer, or the candidate topic of an unmatched question
    topic_day        date,           -- the day the answer service decided (the per-topic statistics' day)
    received_at      timestamptz,
    matched_at       timestamptz,    -- AI answered from the KB
    unmatched        boolean     not null default false,
    human_requested  boolean     not null default false,
    routed           boolean     not null default false,
    replied_at       timestamptz,    -- first specialist reply
    overdue          boolean     not null default false,
    escalated        boolean     not null default false,
    verdict          text,           -- first operator judgement of the AI answer
    rating           int,            -- latest teacher rating
    rated_at         timestamptz
);
create index appeal_facts_topic on appeal_facts (topic_day, topic) where topic is not null;

-- KB growth: entries published per day and topic (a first version is a new entry, a later one an update).
create table kb_day_stats (
    day     date   not null,
    topic   text   not null,
    created bigint not null default 0,
    updated bigint not null default 0,
    primary key (day, topic)
);
create table kb_versions (
    entry_id text not null,
    version  int  not null,
    primary key (entry_id, version)
);
