-- intake-service: who the teachers are, their appeals as the channel edge sees them, the conversation log and
-- what became of every outbound message.

-- A teacher as known on one channel. teacher_id is intake's own stable id (the teacherId of every event);
-- (channel, platform_user_id) is how the messenger names the same person.
create table teachers (
    teacher_id       text        primary key,
    channel          text        not null,               -- MAX | VK | WEBCHAT
    platform_user_id text        not null,
    fio              text,
    region           text,                               -- two-digit code; unknown until the teacher tells it
    org_type         text,                               -- SCHOOL | SPO | DOO
    verified         boolean     not null default false, -- only verified teachers may ask
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (channel, platform_user_id)
);

-- An appeal as intake sees it: the question and the state inferred from the outbound messages it delivered.
create table appeals (
    appeal_id          uuid        primary key,
    teacher_id         text        not null references teachers (teacher_id),
    region             text        not null,             -- the teacher's region when the question was asked
    question           text        not null,
    created_at         timestamptz not null,
    state              text        not null,             -- OPEN | ANSWERED_AI | ROUTED | ANSWERED | CLOSED
    last_ai_answer     text,                             -- the AI answer the teacher saw (for «передать специалисту»)
    last_answer_id     uuid,                             -- outbound id of the latest answer: the one a rating rates
    human_requested_at timestamptz,
    updated_at         timestamptz not null default now()
);
create index appeals_by_teacher on appeals (teacher_id, created_at desc);

-- The conversation log: what the teacher wrote (IN) and what the teacher was shown (OUT), in order.
create table messages (
    seq         bigserial   primary key,
    message_id  uuid        not null unique,
    teacher_id  text        not null references teachers (teacher_id),
    appeal_id   uuid        references appeals (appeal_id),
    direction   text        not null,                    -- IN | OUT
    text        text        not null,
    buttons     text        not null default '[]',       -- JSON array of {"text","payload"}
    outbound_id uuid        unique,                      -- OUT from outbound.messages: its event id (no duplicates)
    external_id text,                                    -- the platform's own message id (MAX mid, VK id)
    created_at  timestamptz not null default now()
);
create index messages_by_teacher on messages (teacher_id, seq);
create unique index messages_external on messages (teacher_id, external_id) where external_id is not null;

-- One rating per answer: the key makes a second press of the same rating button a no-op.
create table ratings (
    appeal_id  uuid        not null references appeals (appeal_id),
    answer_id  uuid        not null,                     -- appeals.last_answer_id at the time of rating
    rating     int         not null check (rating between 1 and 5),
    rated_at   timestamptz not null default now(),
    primary key (appeal_id, answer_id)
);

-- Every outbound message intake was asked to deliver and what became of it; undeliverable ones stay here with
-- the reason.
create table outbound_deliveries (
    message_id  uuid        primary key,                 -- OutboundMessage.eventId
    teacher_id  text        not null,                    -- as addressed (may be unknown to intake)
    appeal_id   uuid,
    channel     text,                                    -- null when the teacher is unknown
    kind        text        not null,
    urgent      boolean     not null,
    text        text        not null,
    buttons     text        not null default '[]',
    status      text        not null,                    -- PENDING | DELIVERED | HELD | FAILED
    reason      text,
    attempts    int         not null default 0,
    not_before  timestamptz,                             -- HELD: not to be sent before this moment
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index outbound_deliveries_waiting on outbound_deliveries (not_before) where status in ('PENDING', 'HELD');
