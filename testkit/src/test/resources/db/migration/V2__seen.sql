create table seen (event_id uuid primary key, teacher_id text not null);
