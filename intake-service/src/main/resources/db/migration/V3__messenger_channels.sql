-- Messenger channels (MAX, VK/Сферум): the teacher registry's dialogue state, the inbox of platform updates,
-- the long-polling marker, and durable sending of outbound messages (retries, held messages, callback answers).

-- Dialogue state of a teacher in a messenger.
alter table teachers add column display_name     text;        -- the messenger profile's name (for unverified users)
alter table teachers add column greeted_at       timestamptz; -- the greeting was sent
alter table teachers add column pending_question text;        -- a question waiting for the teacher's region choice
alter table teachers add column pending_external_id text;     -- the platform id of that question's message

-- Every update a platform delivered (webhook or long polling), stored before it is acknowledged and processed
-- asynchronously by the inbox worker. (channel, dedup_key) makes a redelivered update a no-op: MAX re-sends a
-- webhook for hours without a 200, VK re-sends without "ok".
create table inbound_updates (
    id           bigserial   primary key,
    channel      text        not null,                       -- MAX | VK
    dedup_key    text        not null,                       -- MAX: mid / callback_id; VK: event_id
    update_type  text        not null,
    payload      text        not null,                       -- the update as received
    status       text        not null default 'NEW',         -- NEW | DONE | FAILED
    attempts     int         not null default 0,
    error        text,
    received_at  timestamptz not null default now(),
    processed_at timestamptz,
    unique (channel, dedup_key)
);
create index inbound_updates_new on inbound_updates (id) where status = 'NEW';

-- Small durable settings of the channels, e.g. the MAX long-polling marker (survives restarts).
create table channel_state (
    name       text        primary key,
    value      text        not null,
    updated_at timestamptz not null default now()
);

-- Durable sending. origin OUTBOUND: an outbound.messages event (its outcome goes to outbound.delivery);
-- REPLY: intake's own answer in the dialogue (greeting, refusal, region choice, callback answer).
alter table outbound_deliveries add column origin          text not null default 'OUTBOUND';
alter table outbound_deliveries add column callback_id     text;        -- answer to a button press (MAX /answers, VK event)
alter table outbound_deliveries add column parts_sent      int  not null default 0; -- long texts go in parts
alter table outbound_deliveries add column locked_until    timestamptz; -- a worker is sending it until then
alter table outbound_deliveries add column failed_rounds   int  not null default 0; -- worker rounds that failed
alter table outbound_deliveries add column first_failed_at timestamptz;
alter table outbound_deliveries add column delivered_at    timestamptz;
alter table outbound_deliveries add column seq             bigserial;   -- queue order (one transaction may queue several)
create index outbound_deliveries_due on outbound_deliveries (not_before)
    where status in ('PENDING', 'HELD', 'FAILED') and not_before is not null;
create index outbound_deliveries_by_status on outbound_deliveries (status, updated_at desc);
