-- Where an appeal with a specialist stands against its deadline, as followup-service reports it (appeal.sla.v1):
-- what the bot answers to «статус» / «где мой ответ» without asking any other service.
alter table appeals add column sla_stage text;       -- DEADLINE_SET | WARNING | OVERDUE | ESCALATION_DUE | FEDERAL | ANSWERED
alter table appeals add column deadline_day date;    -- the last day, region calendar
alter table appeals add column deadline timestamptz; -- overdue from this moment
