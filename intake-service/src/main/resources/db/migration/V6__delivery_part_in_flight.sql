-- The part whose request to the platform is out (null: none). Still set when the message is claimed again, it means
-- the previous owner died mid-request: the platform may or may not have taken that part.
alter table outbound_deliveries add column part_in_flight int;
