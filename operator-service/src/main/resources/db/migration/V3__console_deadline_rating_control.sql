-- The console: SLA deadline, the teacher's rating, federal control, read markers, logout, knowledge-base drafts.

alter table appeals add column deadline timestamptz;            -- 5 working days from the first assignment
alter table appeals add column rating int check (rating between 1 and 5);
alter table appeals add column federal boolean not null default false; -- ever handed to federal control
alter table appeals add column controlled_by text;             -- the federal specialist who took it under control
update appeals set federal = true where status = 'FEDERAL';
create index appeals_status on appeals (status);
create index appeals_operator on appeals (assigned_operator);
create index appeals_deadline on appeals (deadline);

-- Which version of an appeal each user has seen: newer versions are «unread» for them.
create table appeal_reads (
    appeal_id    uuid        not null references appeals (id),
    username     text        not null,
    seen_version bigint      not null,
    seen_at      timestamptz not null default now(),
    primary key (appeal_id, username)
);
create index appeal_reads_user on appeal_reads (username);

-- Tokens ended by logout (jti, or a hash of the token when it has none); kept until they would expire anyway.
create table revoked_tokens (
    token_id   text        primary key,
    username   text        not null,
    expires_at timestamptz not null,
    revoked_at timestamptz not null default now()
);
create index revoked_tokens_expiry on revoked_tokens (expires_at);

-- An operator's answer proposed for the knowledge base; a KB editor or federal specialist verifies it.
create table kb_drafts (
    id            uuid        primary key,
    appeal_id     uuid        references appeals (id),
    region        text,
    author        text        not null,
    topic         text        not null,
    audience      text        not null, -- ALL | SCHOOL | SPO | DOO
    question      text        not null,
    phrasings     text[]      not null default '{}',
    answer        text        not null,
    legal_basis   text,
    status        text        not null, -- DRAFT | PUBLISHED | REJECTED
    entry_id      text,                 -- op-<id> once published
    reviewed_by   text,
    reviewed_at   timestamptz,
    reject_reason text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index kb_drafts_status on kb_drafts (status, created_at desc);
create index kb_drafts_author on kb_drafts (author, created_at desc);
