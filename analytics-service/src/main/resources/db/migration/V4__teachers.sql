-- The teacher registry as the per-capita figures need it: the latest state of each teacher from teacher.changed
-- (intake-service owns the registry). No name, no platform id: the opaque teacher id, region and whether verified.
create table teachers (
    teacher_id text        primary key,
    region     text,
    verified   boolean     not null,
    changed_at timestamptz not null
);

create index teachers_region on teachers (region) where verified;
