-- The console at national volume (100 000 appeals and more): the kanban, its counters and the list are served from
-- indexes. Checked with EXPLAIN ANALYZE on 100 000 appeals in 13 regions (see AppealVolumeIT).

create extension if not exists pg_trgm;

-- The kanban column of an appeal, kept by PostgreSQL itself so that the kanban's columns, their pages and the
-- counters agree by construction. Federal control wins over overdue (the federal specialist must find the appeal in
-- their column); overdue applies to appeals still waiting for an answer.
alter table appeals add column kanban_column text generated always as (
    case
        when status = 'FEDERAL' or (federal and status in ('NEW', 'IN_PROGRESS')) then 'FEDERAL'
        when overdue and status in ('NEW', 'IN_PROGRESS') then 'OVERDUE'
        else status
    end) stored;

-- A column's cards by deadline (keyset pages on (deadline, id), no deadline sorts last), for everyone and per region.
-- version is included so that the counters (with «unread») are index-only scans.
create index appeals_kanban on appeals (kanban_column, coalesce(deadline, 'infinity'::timestamptz), id)
    include (version);
create index appeals_region_kanban on appeals (region, kanban_column, coalesce(deadline, 'infinity'::timestamptz), id)
    include (version);

-- The list's sort orders with their tie-breakers (a backward scan serves the descending order), for everyone and per
-- region; a deep page skips through the index only.
drop index appeals_created;
drop index appeals_region_created;
drop index appeals_deadline;
create index appeals_created on appeals (created_at, id);
create index appeals_region_created on appeals (region, created_at, id);
create index appeals_deadline on appeals (deadline, created_at, id);
create index appeals_region_deadline on appeals (region, deadline, created_at, id);
-- «просрочено» (overdue=true): a small part of all appeals, by deadline, for everyone and per region
create index appeals_overdue on appeals (deadline, created_at, id)
    where overdue and status not in ('ANSWERED', 'CLOSED');
create index appeals_region_overdue on appeals (region, deadline, created_at, id)
    where overdue and status not in ('ANSWERED', 'CLOSED');
-- the rating filter (few appeals are rated, fewer with a given rating)
create index appeals_rating on appeals (rating) where rating is not null;

-- The search in the question and the teacher's name: lower-cased once on write (ilike folds every row's Cyrillic text
-- again on every search), with a trigram index; chr(1) keeps a match from spanning the two fields.
alter table appeals add column search_text text generated always as (
    lower(coalesce(teacher_fio, '') || chr(1) || coalesce(text, ''))) stored;
create index appeals_search on appeals using gin (search_text gin_trgm_ops);
