-- Knowledge base: one row per entry (its current version) plus the full version history.
create table kb_entries (
    id           text primary key,
    topic        text        not null,
    question     text        not null,
    phrasings    text        not null default '[]',  -- JSON array of alternative phrasings
    answer       text        not null,
    legal_basis  text,
    audience     text        not null default 'ALL', -- ALL, or a comma list of SCHOOL, SPO, DOO
    status       text        not null,               -- DRAFT | VERIFIED | RETIRED
    version      int         not null,
    created_by   text,
    verified_by  text,                               -- who verified the version that is (or was last) verified
    verified_at  timestamptz,
    updated_by   text,
    updated_at   timestamptz not null default now(),
    constraint kb_entries_status check (status in ('DRAFT', 'VERIFIED', 'RETIRED'))
);

create index kb_entries_topic on kb_entries (topic);

-- Every version of every entry: what changed it (created, edited, verified, retired, published, seeded), who, when.
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
    change       text        not null default 'EDITED', -- CREATED | EDITED | VERIFIED | RETIRED | PUBLISHED | SEEDED
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
    org_type         text,
    question         text             not null,
    decided_at       timestamptz      not null default now()
);

create index match_decisions_decided_at on match_decisions (decided_at);
