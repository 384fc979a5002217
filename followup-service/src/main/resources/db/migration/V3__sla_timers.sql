-- The deadline warning (09:00 local on the last day) and the automatic federal escalation are timers of their
-- own: each fires at most once per appeal (same unique key), and a reply cancels both with the deadline.
alter table timers drop constraint timers_kind_check;
alter table timers add constraint timers_kind_check
    check (kind in ('REMINDER', 'OVERDUE', 'WARNING', 'ESCALATION'));
