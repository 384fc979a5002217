-- Knowledge base: one row per entry (its current version) plus the full version history.
create table kb_entries (
    id           text primary key,
    topic        text        not null,
    question     text        not null,
    phrasings    text        not null default '[]',  -- JSON array of alternative phrasings
    answer       text        not null,
    legal_basis  text,
    audience     text        not null default 'ALL', -- ALL | SCHOOL | SPO | DOO
    status       text        not null,               -- DRAFT | VERIFIED | RETIRED
    version      int         not null,
    verified_by  text,
    verified_at  timestamptz,
    updated_at   timestamptz not null default now()
);

create table kb_entry_versions (
    entry_id     text        not null references kb_entries (id),
    version      int         not null,
    topic        text        not null,
    question     text        not null,
    phrasings    text        not null,
    answer       text        not null,
    legal_basis  text,
    audience     text        not null,
    status       text        not null,
    changed_by   text,
    changed_at   timestamptz not null default now(),
    primary key (entry_id, version)
);

-- Every decision, with its score, the runner-up and the KB version it was made against.
create table match_decisions (
    appeal_id        uuid primary key,
    decision         text             not null, -- MATCHED | UNMATCHED | OFF_TOPIC
    topic            text,
    entry_id         text,
    entry_version    int,
    score            double precision not null,
    runner_up_entry  text,
    runner_up_score  double precision,
    kb_version       bigint           not null,
    question         text             not null,
    decided_at       timestamptz      not null default now()
);
