-- Console users: bcrypt password hashes, roles, the region of regional staff.
create table users (
    username      text        primary key,
    password_hash text        not null,
    roles         text[]      not null,  -- OPERATOR | REGIONAL_HEAD | FEDERAL | KB_EDITOR | ADMIN
    region        text,                  -- two-digit code; null for federal staff, KB editors, admins
    full_name     text,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

-- Appeals under human handling, as routing assigned them.
create table appeals (
    id                uuid             primary key,
    region            text             not null,
    teacher_id        text,
    teacher_fio       text,
    org_type          text,
    text              text,
    received_at       timestamptz,
    ai_topic          text,
    ai_answer         text,
    ai_score          double precision not null default 0,
    target            text             not null, -- OPERATOR | REGION_QUEUE | FEDERAL_QUEUE
    assigned_operator text,
    assignment_reason text,                      -- TRIGGER:RULE as routing wrote it
    assigned_at       timestamptz      not null,
    status            text             not null, -- NEW | IN_PROGRESS | ANSWERED | CLOSED | FEDERAL
    overdue           boolean          not null default false,
    overdue_deadline  timestamptz,
    created_at        timestamptz      not null,
    updated_at        timestamptz      not null default now(),
    version           bigint           not null default 0 -- optimistic locking of console actions
);
create index appeals_region_created on appeals (region, created_at desc);
create index appeals_created on appeals (created_at desc);

-- The appeal's timeline: the teacher's question, the AI's answer or candidate, replies, judgements, notes.
create table appeal_messages (
    seq       bigserial   primary key,
    id        uuid        not null unique,
    appeal_id uuid        not null references appeals (id),
    kind      text        not null, -- TEACHER_QUESTION | AI_ANSWER | AI_CANDIDATE | OPERATOR_REPLY | AI_JUDGEMENT | ESCALATION | SYSTEM
    author    text,
    text      text        not null,
    at        timestamptz not null default now()
);
create index appeal_messages_appeal on appeal_messages (appeal_id, seq);

-- Operators' verdicts on the AI's answers.
create table ai_judgements (
    id        uuid        primary key,
    appeal_id uuid        not null references appeals (id),
    operator  text        not null,
    verdict   text        not null, -- CORRECT | PARTIAL | WRONG
    comment   text,
    at        timestamptz not null default now()
);

-- Every operator action: who, what, when, which appeal.
create table audit_log (
    id        bigserial   primary key,
    actor     text        not null,
    action    text        not null, -- LOGIN | REPLY | AI_JUDGEMENT | ESCALATION
    appeal_id uuid,
    region    text,
    details   text,
    at        timestamptz not null default now()
);
create index audit_log_appeal on audit_log (appeal_id);
create index audit_log_region_at on audit_log (region, at desc);
