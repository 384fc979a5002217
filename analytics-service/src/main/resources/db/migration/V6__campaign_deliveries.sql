-- Campaign messages per region and day, from outbound.delivery (intake-service): attempted — the platform answered
-- for it (delivered or failed), counted once; delivered — once; readable — delivered through a channel that reports
-- reads (VK; MAX reports none to a bot); read — a reported read, once. The day is the day of the counted event.
create table campaign_day_stats (
    region    text   not null,
    day       date   not null,
    attempted bigint not null default 0,
    delivered bigint not null default 0,
    readable  bigint not null default 0,
    read      bigint not null default 0,
    primary key (region, day)
);

-- Which of those a campaign message has counted already (once per message and mark, whatever is redelivered).
create table campaign_message_marks (
    message_id uuid not null,
    mark       text not null,   -- ATTEMPTED | DELIVERED | READABLE | READ
    primary key (message_id, mark)
);
