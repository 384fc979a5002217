-- Shared by every service, created in the service's own schema.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
create table outbox (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_pending on outbox (seq) where published_at is null;

-- Idempotent consumers: one row per (consumer, event) written in the same transaction as the effect.
create table processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Records a consumer could not process after its retries: kept for inspection and replay, never dropped.
create table dead_letters (
    id           bigserial primary key,
    consumer     text        not null,
    topic        text        not null,
    kafka_partition int      not null,
    kafka_offset bigint      not null,
    record_key   text,
    payload      text,
    error        text        not null,
    failed_at    timestamptz not null default now()
);
