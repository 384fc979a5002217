-- An administrator may disable a teacher: the bot then answers politely and opens no appeal, and the teacher leaves
-- every campaign audience. A registry import does not re-enable: that stays the administrator's decision.
alter table teachers add column disabled_at timestamptz;
alter table teachers add column disabled_by text;
-- the console's teacher list: filtered by region and organisation type, ordered by name
create index teachers_by_region on teachers (region, org_type, fio);
