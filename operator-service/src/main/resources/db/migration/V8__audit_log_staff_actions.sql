-- Staff actions recorded by other services (registry imports, shifts, KB edits, campaigns) arrive as events: the id
-- of the event is kept so that one delivered twice, even after its dedupe row is purged, stays one entry.
alter table audit_log add column event_id uuid;
create unique index audit_log_event on audit_log (event_id) where event_id is not null;
