-- Reads of campaign messages, where the platform reports them. VK's message_read says "the user read up to message
-- id N" in the dialogue with the bot, so the VK id of each sent message is kept (the last part's, for a long text);
-- MAX reports no reads to a bot and keeps none. read_at: when the read was reported (once per message).
alter table outbound_deliveries add column platform_message_id text;
alter table outbound_deliveries add column read_at timestamptz;
-- The unread campaign messages of one teacher: what a message_read can mark.
create index outbound_deliveries_unread_campaign on outbound_deliveries (teacher_id)
    where kind = 'CAMPAIGN' and status = 'DELIVERED' and read_at is null and platform_message_id is not null;
