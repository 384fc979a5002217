-- Read model: counters per region and per day (the day in Moscow time, as federal reports count it).
create table region_day_stats (
    region          text   not null,
    day             date   not null,
    received        bigint not null default 0,  -- appeals received
    auto_answered   bigint not null default 0,  -- answered from the verified knowledge base
    unmatched       bigint not null default 0,  -- no verified answer: sent to a human
    human_requested bigint not null default 0,  -- «Не помогло — передать специалисту»
    routed          bigint not null default 0,  -- handed to an operator / queue (first assignment)
    answered        bigint not null default 0,  -- first operator reply
    offtopic        bigint not null default 0,
    overdue         bigint not null default 0,
    escalated       bigint not null default 0,  -- handed to federal control
    reminders       bigint not null default 0,  -- rating reminders sent
    ai_correct      bigint not null default 0,  -- operators' verdicts on the AI's answer
    ai_partial      bigint not null default 0,
    ai_wrong        bigint not null default 0,
    rating_sum      bigint not null default 0,  -- of each appeal's latest rating
    rating_count    bigint not null default 0,
    primary key (region, day)
);

-- Which counters an appeal has already moved: each counts an appeal once (a second operator reply, a
-- reassignment or an upstream re-emission with a new event id do not count again).
create table appeal_marks (
    appeal_id  uuid        not null,
    mark       text        not null,
    region     text        not null,
    day        date        not null,
    marked_at  timestamptz not null default now(),
    primary key (appeal_id, mark)
);

-- The appeal's rating as it stands: a teacher who rates again replaces the earlier rating.
create table appeal_ratings (
    appeal_id  uuid        primary key,
    region     text        not null,
    day        date        not null,
    rating     int         not null check (rating between 1 and 5),
    rated_at   timestamptz not null
);
