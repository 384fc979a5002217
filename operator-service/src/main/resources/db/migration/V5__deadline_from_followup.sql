-- The answer deadline is followup-service's (appeal.sla.v1); the console keeps what it was told.
-- appeal.sla and appeal.assigned are different topics, so either may arrive first: the deadline waits in
-- appeal_deadlines until the appeal exists, and an appeal that arrives later takes it from there.
create table appeal_deadlines (
    appeal_id    uuid primary key,
    deadline_day date,
    deadline     timestamptz,
    warning_at   timestamptz,
    escalate_at  timestamptz,
    updated_at   timestamptz not null default now()
);

alter table appeals add column deadline_day date;
-- 09:00 region time on the last day has come and the appeal is still unanswered: «срок истекает сегодня»
alter table appeals add column deadline_warning boolean not null default false;
-- why the appeal is under federal control (the head's words, or the automatic escalation's)
alter table appeals add column escalation_reason text;
