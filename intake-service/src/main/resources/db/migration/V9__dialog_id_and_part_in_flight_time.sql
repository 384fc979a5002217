-- A part left in doubt by a crash (part_in_flight still set on the next claim) is looked up in the bot's dialogue
-- with the teacher on platforms that let a bot read it back (MAX GET /messages?chat_id=…), instead of being given up.
-- The dialogue's id, where the platform names it apart from the user (MAX: the dialog's chat_id, told by every
-- update from the teacher); null until an update told it. Written by the contact upsert each update already makes.
alter table teachers add column platform_dialog_id text;
-- When the request of part_in_flight went out (the database's clock, like the platform's timestamps real time):
-- only the bot's messages created from then on, less a margin for clock skew, can be that part.
alter table outbound_deliveries add column part_in_flight_at timestamptz;
