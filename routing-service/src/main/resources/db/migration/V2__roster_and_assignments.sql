-- Operators routing may assign to: region, shift and current load.
create table operators (
    username         text        primary key,
    region           text        not null,
    on_shift         boolean     not null default false,
    -- appeals assigned to the operator and not yet answered
    open_appeals     int         not null default 0 check (open_appeals >= 0),
    last_assigned_at timestamptz,
    -- when on_shift last changed: an operator who just came on shift has been idle since then
    shift_changed_at timestamptz not null default now()
);
create index operators_region on operators (region);

-- Appeals routing has seen: their snapshot (an escalation event carries none) and who holds each now.
create table routed_appeals (
    appeal_id       uuid             primary key,
    region          text             not null,
    teacher_id      text,
    teacher_fio     text,
    org_type        text,
    text            text,
    received_at     timestamptz,
    ai_topic        text,
    ai_answer       text,
    ai_score        double precision not null default 0,
    holder_target   text             not null, -- OPERATOR | REGION_QUEUE | FEDERAL_QUEUE
    holder_operator text,                      -- the operator when holder_target = OPERATOR
    open            boolean          not null default true, -- false once a reply went out
    updated_at      timestamptz      not null default now()
);
-- the region's queue, for the operator who comes on shift next
create index routed_appeals_queue on routed_appeals (region, received_at) where open and holder_target = 'REGION_QUEUE';

-- Every routing decision; an appeal is assigned once per kind of trigger.
create table assignments (
    id               bigserial   primary key,
    appeal_id        uuid        not null,
    trigger          text        not null, -- UNMATCHED | HUMAN_REQUESTED | ESCALATED
    trigger_event_id uuid        not null,
    region           text        not null,
    target           text        not null, -- OPERATOR | REGION_QUEUE | FEDERAL_QUEUE
    operator         text,
    reason           text        not null,
    assigned_at      timestamptz not null default now(),
    unique (appeal_id, trigger)
);
