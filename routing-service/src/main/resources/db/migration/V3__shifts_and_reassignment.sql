-- Shift start, shift end (RETURN policy) and manual reassignment may decide for one appeal many times; only the
-- upstream triggers stay once per appeal (a replayed or double-pressed hand-over is still no news).
alter table assignments drop constraint assignments_appeal_id_trigger_key;
create unique index assignments_once_per_trigger on assignments (appeal_id, trigger)
    where trigger in ('UNMATCHED', 'HUMAN_REQUESTED', 'ESCALATED');
create index assignments_appeal on assignments (appeal_id, id);

-- what an operator holds now (shift end with the RETURN policy hands these on)
create index routed_appeals_holder on routed_appeals (holder_operator) where open and holder_target = 'OPERATOR';

-- Every shift change: who, when, by whom (the operator or an admin), what moved.
create table shift_log (
    id         bigserial   primary key,
    username   text        not null,
    region     text        not null,
    action     text        not null, -- START | END
    changed_by text        not null,
    policy     text,                 -- KEEP | RETURN on END
    moved      int         not null default 0, -- appeals taken from the queue (START) or handed on (END)
    at         timestamptz not null default now()
);
create index shift_log_user on shift_log (username, id desc);
