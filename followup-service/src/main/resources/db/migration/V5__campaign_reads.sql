-- Reads of campaign messages as the platforms report them (outbound.delivery READ; only VK reports reads to a bot,
-- MAX does not). read_at: when the read was reported, once per recipient. readable: messages delivered through a
-- channel that reports reads — the base of the read rate, so that MAX recipients do not dilute it.
alter table campaign_recipients add column read_at timestamptz;
alter table campaign_regions add column readable bigint not null default 0;
