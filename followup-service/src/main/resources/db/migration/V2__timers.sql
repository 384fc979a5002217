-- Durable timers: the rating reminder and the overdue deadline of each appeal.
-- One row per (appeal, kind) ever: the unique key is what makes "at most one reminder per appeal" and
-- "status message on the first assignment only" hold, also under redelivery and concurrent consumers.
create table timers (
    id            bigserial primary key,
    appeal_id     uuid        not null,
    kind          text        not null check (kind in ('REMINDER', 'OVERDUE')),
    due_at        timestamptz not null,
    state         text        not null check (state in ('PENDING', 'FIRED', 'CANCELLED')),
    teacher_id    text,
    region        text,
    payload       text        not null default '{}',  -- JSON: what scheduled the timer
    cancel_reason text,                                -- RATED | HANDED_OVER | REPLIED
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    fired_at      timestamptz,
    unique (appeal_id, kind)
);

-- the scheduler's poll: pending timers in due order
create index timers_pending_due on timers (due_at) where state = 'PENDING';
