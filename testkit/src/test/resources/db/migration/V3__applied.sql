-- The order in which a test consumer applied events (seq is the commit-time insertion order).
create table applied (seq bigserial primary key, appeal_id uuid not null, n int not null, event_id uuid not null);
