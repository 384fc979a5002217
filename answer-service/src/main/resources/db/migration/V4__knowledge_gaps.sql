-- The KB gaps (routed questions grouped by similarity) are shown per region and per period of the teacher's
-- question: each decision keeps the appeal's region and when it was asked. Older rows have neither (null region:
-- seen by federal users only; the day falls back to decided_at).
alter table match_decisions
    add column region   text,
    add column asked_at timestamptz;

create index match_decisions_routed on match_decisions (coalesce(asked_at, decided_at)) where decision = 'UNMATCHED';
